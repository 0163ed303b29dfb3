package casedrill.casestack.cases;

/** Kinds of immigration case the service accepts. */
public enum CaseType {
    VISITOR, STUDENT, WORK, FAMILY, ASYLUM
}

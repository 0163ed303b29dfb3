package casedrill.casestack.cases;

/** Kinds of immigration case the service accepts. */
public enum CaseType {
    VISITOR_VISA, STUDY_PERMIT, WORK_PERMIT, PERMANENT_RESIDENCE, CITIZENSHIP
}

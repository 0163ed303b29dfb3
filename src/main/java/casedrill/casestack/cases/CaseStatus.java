package casedrill.casestack.cases;

/** A case is received, then decided once: approved or refused. */
public enum CaseStatus {
    RECEIVED, APPROVED, REFUSED
}

package casedrill.casestack.cases;

/** Received, then decided: approved and refused are final, more information can be requested. */
public enum CaseStatus {
    RECEIVED, APPROVED, REFUSED, INFO_REQUESTED
}

package casedrill.casestack.cases;

/** What an officer can decide. */
public enum Outcome {
    APPROVED, REFUSED;

    CaseStatus status() {
        return CaseStatus.valueOf(name());
    }
}

package casedrill.casestack.cases;

/** What an officer can decide, and the status each leads to. */
public enum Outcome {
    APPROVED(CaseStatus.APPROVED), REFUSED(CaseStatus.REFUSED), REQUEST_INFO(CaseStatus.INFO_REQUESTED);

    private final CaseStatus status;

    Outcome(CaseStatus status) {
        this.status = status;
    }

    CaseStatus status() {
        return status;
    }
}

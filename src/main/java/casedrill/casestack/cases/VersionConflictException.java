package casedrill.casestack.cases;

/** The case changed since the client read it (If-Match failed): 409. */
public class VersionConflictException extends RuntimeException {
    private final int currentVersion;

    public VersionConflictException(String message, int currentVersion) {
        super(message);
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}

package casedrill.fault;

/** A fault could not be injected or healed: a harness or infrastructure problem (exit 4), never a verdict. */
public class FaultException extends RuntimeException {
    public FaultException(String message) {
        super(message);
    }

    public FaultException(String message, Throwable cause) {
        super(message, cause);
    }
}

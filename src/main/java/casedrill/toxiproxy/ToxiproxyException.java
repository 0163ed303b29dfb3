package casedrill.toxiproxy;

/** A failure the API reports as {"error": message, "status": status}. */
public class ToxiproxyException extends RuntimeException {
    private final int status;

    public ToxiproxyException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

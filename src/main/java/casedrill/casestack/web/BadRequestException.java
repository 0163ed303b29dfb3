package casedrill.casestack.web;

/** A request the API refuses with 400; the message is one sentence naming the bad value. */
public class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message);
    }
}

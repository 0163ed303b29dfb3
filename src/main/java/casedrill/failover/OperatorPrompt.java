package casedrill.failover;

/**
 * Whoever owns the terminal, asked to show an operator's question and keep its last line the last visible line
 * until the question is answered (other output then goes above it, and nothing redraws over it).
 */
public interface OperatorPrompt {
    void ask(String question);

    /** Releases the terminal; {@code acknowledged} false when the timeout passed and the cursor is still on the question. */
    void answered(boolean acknowledged);
}

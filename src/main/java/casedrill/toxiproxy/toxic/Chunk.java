package casedrill.toxiproxy.toxic;

/** One read from a socket as a toxic sees it: its size and when it arrived (System.nanoTime). */
public record Chunk(int length, long arrivedNanos) {}

package casedrill.topology;

/** A failure domain owning one loopback /24, e.g. dc1 = 127.0.1.0/24. */
public record Site(String name, String description, String addresses) {
}

package casedrill.stack;

import java.util.List;

/**
 * A cut between two groups of sites, as applied to a running stack.
 *
 * @param sides  the site pairs that no longer talk, each {@code a|b}
 * @param mode   how packets are refused
 * @param exact  true when iptables rules cut exactly these pairs; false when the stack fell back to
 *               disabling link proxies (shared proxies then also cut third sites)
 * @param detail      how it was done, for the plan and the report
 * @param effectiveAt when the cut took effect (the first rule in, the first proxy disabled); null when nothing was cut
 */
public record Partition(List<SitePair> sides, Mode mode, boolean exact, String detail, EffectiveAt effectiveAt) {
    public Partition {
        sides = List.copyOf(sides);
    }

    /** A partition that cut nothing (yet): no instant. */
    public Partition(List<SitePair> sides, Mode mode, boolean exact, String detail) {
        this(sides, mode, exact, detail, null);
    }

    /** Dropped packets stall connections like a cut cable; reject answers with TCP resets. */
    public enum Mode {
        DROP, REJECT;

        public static Mode of(String name) {
            return switch (name) {
                case "drop" -> DROP;
                case "reject" -> REJECT;
                default -> throw new IllegalArgumentException("unknown partition mode '" + name + "' (known: drop, reject)");
            };
        }
    }

    /** Two sites that must not reach each other, in either direction. */
    public record SitePair(String a, String b) {
        public SitePair {
            if (a.equals(b)) {
                throw new IllegalArgumentException("a partition needs two different sites, but both sides were '" + a + "'");
            }
        }

        @Override
        public String toString() {
            return a + "|" + b;
        }
    }
}

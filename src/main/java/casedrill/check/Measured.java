package casedrill.check;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What a checker measured, as numbers whose units are in their names; the sentence for people is made from these at the
 * edge (report, terminal), never stored and parsed back. The views {@link #inSeconds()}, {@link #asRatio()} and
 * {@link #lostWrites()} let a reader (gate, catalogue, trend, assertions) ask for a headline figure without knowing
 * which checker measured it.
 */
public sealed interface Measured {
    /** The headline time (RTO, RPO) in seconds; empty when this measurement has none or the signal never recovered. */
    default OptionalDouble inSeconds() {
        return OptionalDouble.empty();
    }

    /** The headline share in [0, 1] (error budget burned, baseline success), if this measurement is one. */
    default OptionalDouble asRatio() {
        return OptionalDouble.empty();
    }

    /** Acknowledged writes lost or altered, if this measurement counted them. */
    default OptionalLong lostWrites() {
        return OptionalLong.empty();
    }

    /** Nothing was measured (the verdict is UNKNOWN). */
    record Nothing() implements Measured {
    }

    /** A bare duration (version 1 files carried RTO and RPO only so). */
    record Seconds(double seconds) implements Measured {
        @Override
        public OptionalDouble inSeconds() {
            return OptionalDouble.of(seconds);
        }
    }

    /** A bare share in [0, 1] (baseline success; version 1 error budgets). */
    record Ratio(double ratio) implements Measured {
        @Override
        public OptionalDouble asRatio() {
            return OptionalDouble.of(ratio);
        }
    }

    /** A bare count (version 1 failed-request counts). */
    record Count(long count) implements Measured {
    }

    /**
     * RTO: the worst over every disruption and transaction ({@code rtoSeconds} null when one never recovered), and each
     * disruption of each transaction on the drill clock.
     */
    record Recovery(Double rtoSeconds, List<TransactionDisruption> disruptions) implements Measured {
        public Recovery {
            disruptions = List.copyOf(disruptions);
        }

        public boolean recovered() {
            return rtoSeconds != null;
        }

        @Override
        public OptionalDouble inSeconds() {
            return rtoSeconds == null ? OptionalDouble.empty() : OptionalDouble.of(rtoSeconds);
        }
    }

    /** One disruption of one transaction: T_fault, T_recovered (null: never) and their difference, in drill-clock ms. */
    record TransactionDisruption(String transaction, long tFaultMs, Long tRecoveredMs, Long rtoMs) {
    }

    /** RPO and the reconciliation's counts; {@code lost} includes writes a stale primary acknowledged. */
    record Writes(double rpoSeconds, long acknowledged, long lost, long altered, long inDoubt, long duplicated) implements Measured {
        @Override
        public OptionalDouble inSeconds() {
            return OptionalDouble.of(rpoSeconds);
        }

        @Override
        public OptionalLong lostWrites() {
            return OptionalLong.of(lost + altered);
        }
    }

    /** Failed of all requests (probes and load), over the whole drill and inside disruption windows. */
    record Requests(long failed, long total, double ratio, long failedInDisruption, long totalInDisruption) implements Measured {
        public static Requests of(long failed, long total, long failedInDisruption, long totalInDisruption) {
            return new Requests(failed, total, total == 0 ? 0 : (double) failed / total, failedInDisruption, totalInDisruption);
        }

        @Override
        public OptionalDouble asRatio() {
            return OptionalDouble.of(ratio());
        }
    }

    /**
     * How many database identities accepted writes (or, without acknowledged writes naming their database, how many
     * members were sampled writable), and whether two of them did so at the same time. {@code writableTogetherMs}: how
     * long two members were sampled writable at once (first to last such sample), and {@code writableTogether} which;
     * null and empty when no sample showed it (or none was taken).
     */
    record Primaries(int primaries, boolean overlap, Long writableTogetherMs, List<String> writableTogether) implements Measured {
        public Primaries {
            writableTogether = writableTogether == null ? List.of() : List.copyOf(writableTogether);
        }

        public Primaries(int primaries, boolean overlap) {
            this(primaries, overlap, null, List.of());
        }
    }

    /** Latency of successful requests per phase. */
    record Latency(List<PhaseLatency> phases) implements Measured {
        public Latency {
            phases = List.copyOf(phases);
        }
    }

    /** One phase's latency percentiles in milliseconds, over {@code count} successful requests. */
    record PhaseLatency(String phase, long count, double p50Ms, double p95Ms, double p99Ms) {
    }

    /**
     * A runbook's outcome and its RTO split; {@code actSeconds} null when the runbook did not complete or the disruption
     * never recovered; {@code failedStep} null unless a step stopped it.
     */
    record Runbook(String outcome, String failedStep, double detectSeconds, double decideSeconds, Double actSeconds) implements Measured {
    }

    /** A version 1 file's measured text that names no number this reader knows (only from version 1 files). */
    record Legacy(String text) implements Measured {
    }
}

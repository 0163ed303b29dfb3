package casedrill.check;

import casedrill.notation.Durations;

/** The RTO line's words for one disruption: which case of the definition applied, with its times. */
final class DisruptionText {
    private DisruptionText() {}

    /** "fault at 10.00 s" or "unprovoked, after recovery: fell at 70.00 s". */
    static String opening(Disruption d) {
        return switch (d.cause()) {
            case FAULT -> "fault at " + Durations.seconds(d.faultMs());
            case UNPROVOKED -> "unprovoked, after recovery: fell at " + Durations.seconds(d.faultMs());
        };
    }

    /**
     * "fault at 10.00 s, recovered at 15.00 s, held to 25.00 s: RTO 5.00 s", "fault at 10.00 s, held from 12.00 s, fell again
     * at 25.00 s while kill-pg was active (reopened), recovered at 30.00 s, held to 50.00 s: RTO 20.00 s", ...
     */
    static String describe(Disruption d, long endMs) {
        StringBuilder text = new StringBuilder(opening(d));
        d.reopened().ifPresent(r -> text.append(", held from ").append(Durations.seconds(r.heldFromMs()))
                .append(", fell again at ").append(Durations.seconds(r.fellMs()))
                .append(r.activeFaults().isEmpty() ? " within the stability period after the last heal"
                        : " while " + String.join(", ", r.activeFaults()) + (r.activeFaults().size() == 1 ? " was" : " were") + " active")
                .append(" (reopened)"));
        if (!d.recovered()) {
            return text.append(", not recovered by end").toString();
        }
        String held = d.holdUntilMs() >= endMs ? ", held to the end" : ", held to " + Durations.seconds(d.holdUntilMs());
        if (d.rtoMs() == 0) {
            return text.append(", no request failed").append(held).append(": RTO 0.00 s").toString();
        }
        return text.append(", recovered at ").append(Durations.seconds(d.recoveredMs().getAsLong())).append(held)
                .append(": RTO ").append(Durations.seconds(d.rtoMs())).toString();
    }
}

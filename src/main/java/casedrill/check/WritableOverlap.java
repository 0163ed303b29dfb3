package casedrill.check;

import casedrill.history.Event;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Two or more members writable in the same cluster sample ({@code pg_is_in_recovery()} = false, asked of each
 * PostgreSQL directly): split brain from the first such sample to the last, whether or not clients wrote to both. A
 * member whose answer is unknown (it did not answer in time) counts as neither writable nor read-only.
 */
record WritableOverlap(long fromMs, long toMs, int samples, List<String> members) {
    WritableOverlap {
        members = List.copyOf(members);
    }

    long durationMs() {
        return toMs - fromMs;
    }

    /** The overlap in these samples, if any sample had two members writable. */
    static Optional<WritableOverlap> in(List<Event.ClusterSample> samples) {
        Long from = null;
        long to = 0;
        int count = 0;
        TreeSet<String> members = new TreeSet<>();
        for (Event.ClusterSample s : samples) {
            List<String> writable = s.members().stream().filter(m -> Boolean.TRUE.equals(m.writable()))
                    .map(Event.ClusterMember::name).toList();
            if (writable.size() >= 2) {
                from = from == null ? s.offsetMs() : Math.min(from, s.offsetMs());
                to = Math.max(to, s.offsetMs());
                count++;
                members.addAll(writable);
            }
        }
        return from == null ? Optional.empty() : Optional.of(new WritableOverlap(from, to, count, List.copyOf(members)));
    }

    /** Samples in which at least one member answered whether it is writable: the ones that can show split brain. */
    static List<Event.ClusterSample> answered(List<Event.ClusterSample> samples) {
        return samples.stream().filter(s -> s.members().stream().anyMatch(m -> m.writable() != null)).toList();
    }

    /** Members that answered writable in any sample. */
    static int everWritable(List<Event.ClusterSample> samples) {
        return (int) samples.stream().flatMap(s -> s.members().stream()).filter(m -> Boolean.TRUE.equals(m.writable()))
                .map(Event.ClusterMember::name).distinct().count();
    }
}

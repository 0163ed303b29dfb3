package casedrill.stack.remote;

import casedrill.environment.Environment;
import casedrill.environment.PartitionTemplate;
import casedrill.stack.EffectiveAt;
import casedrill.stack.Partition;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Exact site partitions through the environment's partition templates: a pair is cut by the template of its first
 * site that has one, with the other site as {@code {peer}}. The instant a cut took effect is when its command
 * returned: a template's last step is the rule itself, after its start-up (SSH, sudo, an interpreter), and counting
 * that start-up as outage would inflate RTO by however slow the operator's tooling is.
 */
final class TemplatePartitions {
    /** A firewall change over SSH takes seconds; a minute is a command that hangs. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final Environment env;

    TemplatePartitions(Environment env) {
        this.env = env;
    }

    /** Whether every pair has a template on one of its sides. */
    boolean cover(List<Partition.SitePair> pairs) {
        return !pairs.isEmpty() && pairs.stream().allMatch(p -> templateOf(p).isPresent());
    }

    /** Runs the cut of each pair in turn; the instant is when the first one returned. */
    EffectiveAt cut(List<Partition.SitePair> pairs, Partition.Mode mode) {
        EffectiveAt first = null;
        for (Partition.SitePair pair : pairs) {
            Applied t = templateOf(pair).orElseThrow();
            first = RemoteCommands.run("partition " + pair + " (template of site " + t.template().site() + ")",
                    t.template().cutFrom(t.peer(), name(mode)), TIMEOUT).returnedAt().earliest(first);
        }
        return first;
    }

    /** Runs the heal of each pair; every heal is tried, the first failure is thrown after the others ran. */
    void heal(List<Partition.SitePair> pairs) {
        RuntimeException failed = null;
        for (Partition.SitePair pair : pairs) {
            Applied t = templateOf(pair).orElseThrow();
            try {
                RemoteCommands.run("heal partition " + pair + " (template of site " + t.template().site() + ")",
                        t.template().healFrom(t.peer()), TIMEOUT);
            } catch (RuntimeException e) {
                failed = failed == null ? e : failed;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /**
     * Heals every pair a template can cut (each template's heal once per peer site), for {@code recover}: a killed
     * drill's handle is gone, so which pairs it cut is not known; returns how many heals ran.
     */
    int healAll() {
        List<Partition.SitePair> all = env.partitions().keySet().stream().flatMap(site -> env.topology().sites().keySet().stream()
                .filter(other -> !other.equals(site)).map(other -> new Partition.SitePair(site, other))).toList();
        heal(all);
        return all.size();
    }

    /** How the cut was made, for the plan and the history. */
    String describe(List<Partition.SitePair> pairs) {
        return "by the environment's partition template " + String.join(", ", pairs.stream().map(p -> {
            Applied t = templateOf(p).orElseThrow();
            return "of site " + t.template().site() + " from " + t.peer();
        }).toList());
    }

    private record Applied(PartitionTemplate template, String peer) {
    }

    private Optional<Applied> templateOf(Partition.SitePair pair) {
        PartitionTemplate a = env.partitions().get(pair.a());
        if (a != null) {
            return Optional.of(new Applied(a, pair.b()));
        }
        return Optional.ofNullable(env.partitions().get(pair.b())).map(b -> new Applied(b, pair.a()));
    }

    private static String name(Partition.Mode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }
}

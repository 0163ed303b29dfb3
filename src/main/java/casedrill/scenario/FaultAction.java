package casedrill.scenario;

import static casedrill.scenario.ParamSpec.Type.BYTE_RATE;
import static casedrill.scenario.ParamSpec.Type.DURATION;
import static casedrill.scenario.ParamSpec.Type.INTEGER;
import static casedrill.scenario.ParamSpec.Type.PERCENTAGE;
import static casedrill.scenario.ParamSpec.choice;
import static casedrill.scenario.ParamSpec.optional;
import static casedrill.scenario.ParamSpec.required;

import casedrill.topology.Target.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue of fault actions a scenario may use: which targets each accepts, whether it can be
 * healed (and so may carry {@code for:} or be named by {@code heal}), and its {@code with:} keys.
 * scenarios/README.md documents this table and scenarios/schema/scenario.schema.json enforces it;
 * a test keeps the three in step.
 */
public enum FaultAction {
    POWER_LOSS("power-loss", "hard crash of every node of a site at the same instant; healed by powering them back on",
            EnumSet.of(Kind.SITE), true, List.of()),
    KILL("kill", "hard crash (SIGKILL; PostgreSQL: SIGSTOP the postmaster, then SIGKILL it and its children); healed by a restart",
            EnumSet.of(Kind.NODE, Kind.SITE), true, List.of(choice("only", false, null,
                    "postgres nodes only: crash just Patroni (its PostgreSQL keeps running) or just PostgreSQL (Patroni restarts it)",
                    "patroni", "postgres"))),
    STOP("stop", "graceful stop (SIGTERM); healed by a start", EnumSet.of(Kind.NODE, Kind.SITE), true, List.of()),
    PAUSE("pause", "freeze the node's whole process tree (SIGSTOP): the gray failure; healed by resume",
            EnumSet.of(Kind.NODE, Kind.SITE), true, List.of()),
    RESUME("resume", "thaw a paused node (SIGCONT)", EnumSet.of(Kind.NODE, Kind.SITE), false, List.of()),
    RESTART("restart", "graceful stop, then start", EnumSet.of(Kind.NODE, Kind.SITE), false, List.of()),
    PARTITION("partition", "cut the links completely, both directions", EnumSet.of(Kind.LINK, Kind.LINK_GROUP), true,
            List.of(choice("mode", false, "drop", "drop: packets vanish (timeouts); reject: connections are refused or reset",
                    "drop", "reject"))),
    LATENCY("latency", "delay every chunk of data", EnumSet.of(Kind.LINK, Kind.LINK_GROUP), true, withStream(
            required("latency", DURATION, "added delay"),
            optional("jitter", DURATION, "0ms", "random variation, ± this much"))),
    BANDWIDTH("bandwidth", "limit throughput; 0KB/s stalls the link until healed", EnumSet.of(Kind.LINK, Kind.LINK_GROUP), true,
            withStream(required("rate", BYTE_RATE, "bytes per second (1 KB = 1000 bytes)"))),
    RESET("reset", "reset connections (TCP RST) after a delay", EnumSet.of(Kind.LINK, Kind.LINK_GROUP), true,
            withStream(optional("after", DURATION, "0ms", "time after which each connection is reset"))),
    SLICER("slicer", "split data into small chunks with delays between them", EnumSet.of(Kind.LINK, Kind.LINK_GROUP), true,
            withStream(required("averageSize", INTEGER, "average chunk size in bytes"),
                    optional("sizeVariation", INTEGER, "0", "chunk size variation in bytes"),
                    optional("delay", DURATION, "0us", "delay between chunks"))),
    LIMIT_DATA("limit-data", "close each connection after it carried this many bytes", EnumSet.of(Kind.LINK, Kind.LINK_GROUP), true,
            withStream(required("bytes", INTEGER, "bytes per connection before it is closed"))),
    SLOW_CLOSE("slow-close", "delay the closing of connections", EnumSet.of(Kind.LINK, Kind.LINK_GROUP), true,
            withStream(required("delay", DURATION, "delay before a close is passed on"))),
    CHAOS_MONKEY("chaos-monkey", "Chaos Monkey for Spring Boot assault on app nodes (a site means all its app nodes)",
            EnumSet.of(Kind.NODE, Kind.SITE), true, List.of(
            choice("assault", true, null, "which assault", "latency", "exception", "kill-app"),
            optional("latencyRangeStart", DURATION, "300ms", "latency assault: shortest added latency"),
            optional("latencyRangeEnd", DURATION, "500ms", "latency assault: longest added latency"),
            optional("level", INTEGER, "1", "attack every n-th request"))),
    SWITCHOVER("switchover", "planned Patroni switchover to the named database node", EnumSet.of(Kind.NODE), false, List.of()),
    HEAL("heal", "heal an earlier fault before its time", EnumSet.of(Kind.FAULT), false, List.of());

    private final String id;
    private final String meaning;
    private final Set<Kind> targets;
    private final boolean healable;
    private final List<ParamSpec> params;

    FaultAction(String id, String meaning, Set<Kind> targets, boolean healable, List<ParamSpec> params) {
        this.id = id;
        this.meaning = meaning;
        this.targets = targets;
        this.healable = healable;
        this.params = params;
    }

    /** Toxic-backed link actions share where they apply and how often. */
    private static List<ParamSpec> withStream(ParamSpec... specific) {
        List<ParamSpec> all = new ArrayList<>(Arrays.asList(specific));
        all.add(choice("direction", false, "both", "which way: upstream (towards the link's destination), downstream, or both",
                "upstream", "downstream", "both"));
        all.add(optional("toxicity", PERCENTAGE, "100%", "share of connections affected"));
        return List.copyOf(all);
    }

    public String id() {
        return id;
    }

    public String meaning() {
        return meaning;
    }

    public Set<Kind> targets() {
        return targets;
    }

    /** Whether the fault stays in effect until healed (so {@code for:} and {@code heal} apply). */
    public boolean healable() {
        return healable;
    }

    public List<ParamSpec> params() {
        return params;
    }

    public boolean actsOnLinks() {
        return targets.contains(Kind.LINK);
    }

    public Optional<ParamSpec> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public static Optional<FaultAction> of(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}

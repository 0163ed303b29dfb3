package casedrill.scenario;

import casedrill.failover.Runbook;
import casedrill.notation.Durations;
import casedrill.notation.Percentage;
import casedrill.notation.Rate;
import casedrill.topology.DbVariant;
import casedrill.topology.Topology;
import casedrill.yaml.Problem;
import casedrill.yaml.SourceDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Binds a schema-valid document to records and checks what the schema cannot: value ranges and
 * timings. Problems are collected, never thrown, so one run reports all of them.
 */
final class ScenarioBinder {
    static final Duration MIN_DURATION = Duration.ofSeconds(10);
    static final Duration MAX_DURATION = Duration.ofHours(24);

    private final SourceDocument doc;
    private final Topology topology;
    private final Optional<Runbook> runbook;
    private final FaultCatalogue catalogue;
    private final List<Problem> problems;

    ScenarioBinder(SourceDocument doc, Topology topology, Optional<Runbook> runbook, FaultCatalogue catalogue, List<Problem> problems) {
        this.doc = doc;
        this.topology = topology;
        this.runbook = runbook;
        this.catalogue = catalogue;
        this.problems = problems;
    }

    Scenario bind(String sha256) {
        JsonNode root = doc.root();
        Duration duration = orDefault(duration("/duration"), MIN_DURATION);
        if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            problem("/duration", "'duration' must be between 10s and 24h, but was " + Durations.format(duration));
        }
        LoadSpec load = load(duration);
        ProbeSpec probes = probes(duration);
        SteadyState steady = steadyState();
        List<FaultStep> faults = new FaultTimeline(doc, topology, catalogue, duration, problems).bind();
        FailoverSpec failover = failover(duration, faults);
        checkSteadyWindow(load, steady, faults, failover);
        List<String> tags = new ArrayList<>();
        root.path("tags").forEach(t -> tags.add(t.asString()));
        return new Scenario(root.get("scenario").asString(), root.get("title").asString(),
                root.path("description").asString(""), doc.path(), sha256, topology, tags, duration, stack(failover),
                load, probes, steady, faults, failover, targets(), new AbortConditions(doc, problems).bind());
    }

    /** The schema has checked the block's values; runbook failover needs Patroni paused. */
    private StackBlock stack(FailoverSpec failover) {
        JsonNode s = doc.root().path("stack");
        DbVariant variant = DbVariant.of(s.path("replication").asString("sync"), s.path("patroni").asString("4"),
                s.path("dbRouting").asString("router"), failover.mode() == FailoverSpec.Mode.RUNBOOK);
        return new StackBlock(variant, s.path("provider").asString(StackBlock.DEFAULT_PROVIDER));
    }

    private LoadSpec load(Duration drill) {
        JsonNode l = doc.root().get("load");
        String simulation = l.get("simulation").asString();
        Rate rate = parse("/load/rate", Rate::parse);
        Duration rampUp = orDefault(duration("/load/rampUp"), Duration.ZERO);
        if (rampUp.compareTo(drill) >= 0) {
            problem("/load/rampUp", "'load.rampUp' (" + Durations.format(rampUp) + ") must end before the drill does ("
                    + Durations.format(drill) + ")");
        }
        Duration timeout = orDefault(duration("/load/timeout"), LoadSpec.DEFAULT_TIMEOUT);
        if (timeout.compareTo(Duration.ofMillis(100)) < 0 || timeout.compareTo(Duration.ofSeconds(60)) > 0) {
            problem("/load/timeout", "'load.timeout' must be between 100ms and 60s, but was " + Durations.format(timeout));
        }
        Map<String, Integer> mix = new LinkedHashMap<>();
        if (l.has("mix")) {
            l.get("mix").properties().forEach(e -> mix.put(e.getKey(), e.getValue().asInt()));
            if (!simulation.equals("CaseWorkload") && !simulation.equals("Surge")) {
                problem("/load/mix", "'load.mix' only applies to the CaseWorkload and Surge simulations, not " + simulation);
            } else if (mix.values().stream().mapToInt(Integer::intValue).sum() == 0) {
                problem("/load/mix", "'load.mix' weights add up to 0; give at least one transaction a weight");
            }
        } else {
            mix.putAll(LoadSpec.DEFAULT_MIX);
        }
        Optional<LoadSpec.Surge> surge = Optional.empty();
        if (l.has("surge")) {
            Duration at = orDefault(duration("/load/surge/at"), Duration.ZERO);
            Duration length = orDefault(duration("/load/surge/for"), Duration.ZERO);
            if (at.plus(length).compareTo(drill) > 0) {
                problem("/load/surge/for", "the surge ends at " + Durations.format(at.plus(length))
                        + ", after the drill ends at " + Durations.format(drill));
            }
            surge = Optional.of(new LoadSpec.Surge(at, length, l.get("surge").get("factor").asDouble()));
        }
        return new LoadSpec(simulation, rate, rampUp, timeout, mix, surge);
    }

    private ProbeSpec probes(Duration drill) {
        JsonNode p = doc.root().path("probes");
        ProbeSpec d = ProbeSpec.DEFAULT;
        Duration interval = orDefault(duration("/probes/interval"), d.interval());
        Duration timeout = orDefault(duration("/probes/timeout"), d.timeout());
        if (interval.compareTo(Duration.ofMillis(10)) < 0 || interval.compareTo(Duration.ofSeconds(10)) > 0) {
            problem("/probes/interval", "'probes.interval' must be between 10ms and 10s, but was " + Durations.format(interval));
        }
        if (timeout.compareTo(Duration.ofMillis(10)) < 0 || timeout.compareTo(Duration.ofSeconds(60)) > 0) {
            problem("/probes/timeout", "'probes.timeout' must be between 10ms and 60s, but was " + Durations.format(timeout));
        }
        List<String> transactions = new ArrayList<>();
        p.path("transactions").forEach(t -> transactions.add(t.asString()));
        return new ProbeSpec(interval, timeout, transactions.isEmpty() ? d.transactions() : transactions);
    }

    private SteadyState steadyState() {
        SteadyState d = SteadyState.DEFAULT;
        return new SteadyState(orDefault(duration("/steadyState/duration"), d.duration()),
                Optional.ofNullable(parse("/steadyState/successRate", Percentage::parse)).orElse(d.successRate()),
                duration("/steadyState/p95"), duration("/steadyState/p99"));
    }

    private FailoverSpec failover(Duration drill, List<FaultStep> faults) {
        JsonNode f = doc.root().get("failover");
        boolean runbookMode = f.get("mode").asString().equals("runbook");
        Optional<Duration> at = duration("/failover/at");
        if (runbookMode && !f.has("runbook")) {
            problem("/failover", "failover mode 'runbook' needs 'runbook: <file in failover/>'");
        }
        if (!runbookMode && f.has("runbook")) {
            problem("/failover/runbook", "a runbook is only run in failover mode 'runbook', but the mode is 'automatic'");
        }
        if (!runbookMode && at.isPresent()) {
            problem("/failover/at", "'failover.at' only applies to failover mode 'runbook'");
        }
        if (runbookMode && at.isEmpty() && faults.isEmpty()) {
            problem("/failover", "failover mode 'runbook' without faults needs 'at:' to say when the runbook starts");
        }
        at.filter(t -> t.compareTo(drill) >= 0).ifPresent(t -> problem("/failover/at",
                "the runbook starts at " + Durations.format(t) + ", not before the drill ends at " + Durations.format(drill)));
        if (!runbookMode) {
            return FailoverSpec.AUTOMATIC;
        }
        Optional<Duration> start = at.isPresent() ? at : faults.stream().map(FaultStep::at).min(Duration::compareTo);
        return new FailoverSpec(FailoverSpec.Mode.RUNBOOK, runbook, start);
    }

    /** Faults (and a runbook) must wait until the steady state has been seen under load. */
    private void checkSteadyWindow(LoadSpec load, SteadyState steady, List<FaultStep> faults, FailoverSpec failover) {
        Duration ready = load.rampUp().plus(steady.duration());
        String why = " comes before the steady state is established at " + Durations.format(ready) + " (load.rampUp "
                + Durations.format(load.rampUp()) + " + steadyState.duration " + Durations.format(steady.duration()) + ")";
        faults.stream().filter(f -> f.at().compareTo(ready) < 0).findFirst().ifPresent(f -> problem(
                "/faults/" + f.index() + "/at", f.label() + " at " + Durations.format(f.at()) + why));
        if (doc.root().path("failover").has("at")) {
            failover.at().filter(t -> t.compareTo(ready) < 0).ifPresent(t -> problem(
                    "/failover/at", "the runbook start at " + Durations.format(t) + why));
        }
    }

    private Targets targets() {
        JsonNode t = doc.root().get("targets");
        Optional<Targets.Recovered> recovered = Optional.empty();
        if (t.has("recovered")) {
            recovered = Optional.of(new Targets.Recovered(
                    Optional.ofNullable(parse("/targets/recovered/successRate", Percentage::parse)),
                    duration("/targets/recovered/p95"), duration("/targets/recovered/p99")));
        }
        return new Targets(duration("/targets/rto"), duration("/targets/rpo"),
                Optional.ofNullable(parse("/targets/errorBudget", Percentage::parse)),
                t.has("failedRequests") ? Optional.of(t.get("failedRequests").asLong()) : Optional.empty(),
                t.has("splitBrain"), recovered);
    }

    private Optional<Duration> duration(String pointer) {
        return Optional.ofNullable(parse(pointer, Durations::parse));
    }

    /** Parses the scalar at pointer, or returns null if absent; a bad value becomes a problem. */
    private <T> T parse(String pointer, Function<String, T> parser) {
        JsonNode node = doc.root().at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return parser.apply(node.asString());
        } catch (IllegalArgumentException e) {
            problem(pointer, "'" + pointer.substring(1).replace('/', '.') + "' " + e.getMessage());
            return null;
        }
    }

    private static <T> T orDefault(Optional<T> value, T fallback) {
        return value.orElse(fallback);
    }

    private void problem(String pointer, String message) {
        problems.add(doc.problemAt(pointer, message));
    }
}

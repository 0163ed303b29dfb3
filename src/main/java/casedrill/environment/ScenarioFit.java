package casedrill.environment;

import casedrill.scenario.FaultStep;
import casedrill.scenario.Scenario;
import casedrill.topology.Node;
import casedrill.yaml.InvalidInputException;
import casedrill.yaml.Position;
import casedrill.yaml.Problem;
import casedrill.yaml.SourceDocument;
import casedrill.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a scenario may run in an environment: the same topology, no forbidden action, no fault wider than the
 * blast radius, a command for every one-process kill. Problems point at the fault's action, target or {@code only:}
 * in the scenario file (re-read for positions: a loaded scenario keeps none).
 */
public final class ScenarioFit {
    private ScenarioFit() {
    }

    public static List<Problem> problems(Scenario scenario, Environment env) {
        List<Problem> problems = new ArrayList<>();
        SourceDocument doc = YamlReader.read(scenario.source());
        Position where = doc.valueAt("");
        if (!scenario.topology().name().equals(env.topology().name())) {
            problems.add(new Problem(where, "scenario " + scenario.id() + " is written for topology " + scenario.topology().name()
                    + ", but environment " + env.name() + " maps topology " + env.topology().name()));
            return problems;
        }
        for (FaultStep fault : scenario.faults()) {
            String action = fault.action().id();
            String at = SourceDocument.child("/faults", fault.index());
            if (env.forbid().contains(action)) {
                problems.add(doc.problemAt(at + "/action", fault.label() + " uses '" + action + "', which environment " + env.name() + " forbids"));
            }
            if (fault.resolved().isEmpty()) {
                continue;
            }
            List<Node> nodes = fault.resolved().get().nodes();
            oneProcessKill(fault).ifPresent(kill -> nodes.stream()
                    .filter(n -> env.nodes().containsKey(n.name()) && ActionCommand.of(env.node(n.name()), kill).isEmpty())
                    .forEach(n -> problems.add(doc.problemAt(at + "/with/only", fault.label() + " crashes only "
                            + fault.params().get("only") + " on " + n.name() + ", but environment " + env.name() + " gives no "
                            + kill.key() + " command for it (there is no systemd default; see docs/providers.md)"))));
            long sites = nodes.stream().map(Node::site).distinct().count();
            env.maxBlastRadius().nodes().ifPresent(max -> {
                if (nodes.size() > max) {
                    problems.add(doc.problemAt(at + "/target", fault.label() + " (" + action + " " + fault.target().text() + ") hits "
                            + nodes.size() + " nodes, more than environment " + env.name() + "'s maxBlastRadius.nodes " + max));
                }
            });
            env.maxBlastRadius().sites().ifPresent(max -> {
                if (sites > max) {
                    problems.add(doc.problemAt(at + "/target", fault.label() + " (" + action + " " + fault.target().text() + ") hits "
                            + sites + " sites, more than environment " + env.name() + "'s maxBlastRadius.sites " + max));
                }
            });
        }
        return problems;
    }

    /** The command a kill with {@code only:} needs; empty for every other fault. */
    private static java.util.Optional<ControlAction> oneProcessKill(FaultStep fault) {
        Object only = fault.params().get("only");
        if (!fault.action().id().equals("kill") || only == null) {
            return java.util.Optional.empty();
        }
        return ControlAction.of("kill-" + only);
    }

    /** Refuses the pair with every problem, or returns quietly. */
    public static void check(Scenario scenario, Environment env) {
        List<Problem> problems = problems(scenario, env);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}

package casedrill.scenario;

import casedrill.notation.Durations;
import casedrill.topology.Link;
import casedrill.topology.Node;
import casedrill.topology.Target;
import casedrill.yaml.Problem;
import casedrill.yaml.SourceDocument;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Rules across timeline entries: ids, heals and resumes that undo something, no clashing toxics. */
final class TimelineRules {
    private final SourceDocument doc;
    private final List<FaultStep> steps;
    private final List<Problem> problems;
    /** When each fault is undone by a later heal/resume, if it is. */
    private final Map<FaultStep, Duration> undoneAt = new HashMap<>();

    TimelineRules(SourceDocument doc, List<FaultStep> steps, List<Problem> problems) {
        this.doc = doc;
        this.steps = steps;
        this.problems = problems;
    }

    void check() {
        Map<String, FaultStep> byId = new HashMap<>();
        for (FaultStep step : steps) {
            if (step.id() != null && byId.putIfAbsent(step.id(), step) != null) {
                problem(step, "/id", "fault id '" + step.id() + "' is used twice (first by the fault at "
                        + Durations.format(byId.get(step.id()).at()) + ")");
            }
        }
        steps.stream().sorted((a, b) -> a.at().compareTo(b.at())).forEach(step -> {
            if (step.target() instanceof Target.FaultRef) {
                checkHeal(step, byId);
            } else if (step.action().undoes().isPresent()) {
                checkUndo(step, step.action().undoes().get());
            }
        });
        checkClashingToxics();
    }

    private void checkHeal(FaultStep heal, Map<String, FaultStep> byId) {
        String id = ((Target.FaultRef) heal.target()).id();
        FaultStep fault = byId.get(id);
        if (fault == null) {
            problem(heal, "/target", "heal names fault '" + id + "', but no fault has that id"
                    + (byId.isEmpty() ? " (give the fault an 'id:')" : " (fault ids: " + String.join(", ", byId.keySet()) + ")"));
        } else if (!fault.action().healable()) {
            problem(heal, "/target", "fault '" + id + "' is a one-off '" + fault.action().id() + "' and cannot be healed");
        } else if (fault.at().compareTo(heal.at()) >= 0) {
            problem(heal, "/at", "heal at " + Durations.format(heal.at()) + " must come after fault '" + id + "' is injected at "
                    + Durations.format(fault.at()));
        } else if (fault.healsAt().filter(t -> t.compareTo(heal.at()) <= 0).isPresent()) {
            problem(heal, "/at", "fault '" + id + "' already heals itself at " + Durations.format(fault.healsAt().get())
                    + " ('for'), before this heal at " + Durations.format(heal.at()));
        } else if (undoneAt.containsKey(fault)) {
            problem(heal, "/target", "fault '" + id + "' is already healed at " + Durations.format(undoneAt.get(fault)));
        } else {
            undoneAt.put(fault, heal.at());
        }
    }

    /** A resume must undo the whole of a pause in effect (the pair each action names through {@code undoes}). */
    private void checkUndo(FaultStep resume, String undone) {
        String verb = resume.action().id();
        Set<String> nodes = names(resume.resolved().map(r -> r.nodes()).orElse(List.of()));
        Optional<FaultStep> pause = steps.stream()
                .filter(s -> s.action().id().equals(undone) && activeAt(s, resume.at()))
                .filter(s -> names(s.resolved().map(r -> r.nodes()).orElse(List.of())).containsAll(nodes))
                .findFirst();
        if (pause.isPresent() && !pause.get().target().equals(resume.target())) {
            problem(resume, "/target", verb + " of '" + resume.target().text() + "' would undo only part of " + pause.get().label()
                    + " (" + undone + " " + pause.get().target().text() + "); " + verb + " '" + pause.get().target().text() + "' instead");
        } else if (pause.isEmpty()) {
            problem(resume, "/target", verb + " of '" + resume.target().text() + "' at " + Durations.format(resume.at())
                    + " has no earlier " + undone + " of it still in effect");
        } else {
            undoneAt.put(pause.get(), resume.at());
        }
    }

    /** Two toxics of one kind on one link at the same time would collide on the proxy. */
    private void checkClashingToxics() {
        for (int i = 0; i < steps.size(); i++) {
            FaultStep a = steps.get(i);
            if (!a.action().actsOnLinks()) {
                continue;
            }
            for (int j = i + 1; j < steps.size(); j++) {
                FaultStep b = steps.get(j);
                if (!b.action().id().equals(a.action().id()) || !overlaps(a, b)) {
                    continue;
                }
                Set<String> shared = new HashSet<>(linkNames(a));
                shared.retainAll(linkNames(b));
                if (!shared.isEmpty()) {
                    problem(b, "/target", b.label() + " (" + b.action().id() + ") overlaps " + a.label()
                            + " on link " + shared.stream().sorted().findFirst().get() + "; heal one before the other starts");
                }
            }
        }
    }

    private boolean activeAt(FaultStep fault, Duration t) {
        return fault.at().compareTo(t) < 0 && end(fault).map(e -> e.compareTo(t) > 0).orElse(true);
    }

    private boolean overlaps(FaultStep a, FaultStep b) {
        return a.at().compareTo(end(b).orElse(Duration.ofDays(365))) < 0
                && b.at().compareTo(end(a).orElse(Duration.ofDays(365))) < 0;
    }

    private Optional<Duration> end(FaultStep fault) {
        Duration undone = undoneAt.get(fault);
        return undone != null ? Optional.of(undone) : fault.healsAt();
    }

    private static Set<String> linkNames(FaultStep step) {
        Set<String> names = new HashSet<>();
        step.resolved().ifPresent(r -> r.links().stream().map(Link::name).forEach(names::add));
        return names;
    }

    private static Set<String> names(List<Node> nodes) {
        Set<String> names = new HashSet<>();
        nodes.forEach(n -> names.add(n.name()));
        return names;
    }

    private void problem(FaultStep step, String field, String message) {
        problems.add(doc.problemAt("/faults/" + step.index() + field, message));
    }
}

package casedrill.scenario;

import casedrill.failover.Runbook;
import casedrill.failover.RunbookLoader;
import casedrill.topology.Topology;
import casedrill.topology.TopologyLoader;
import casedrill.yaml.InvalidInputException;
import casedrill.yaml.Problem;
import casedrill.yaml.ProblemOrder;
import casedrill.yaml.SchemaCheck;
import casedrill.yaml.SourceDocument;
import casedrill.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Reads a scenario file and everything it refers to (topology, runbook), validates all of it and
 * returns an immutable {@link Scenario}, or throws {@link InvalidInputException} with every problem.
 * Structural (schema) problems are reported first; cross-references are checked once the structure
 * is right, because they cannot be judged on a malformed document. The fault actions come from the caller's
 * {@link FaultCatalogue} ({@code fault.FaultRegistry.ACTIONS}), which lives in a layer above this one.
 */
public final class ScenarioLoader {
    private static final SchemaCheck SCHEMA = SchemaCheck.fromClasspath("scenario.schema.json");

    private ScenarioLoader() {
    }

    public static Scenario load(Path file, FaultCatalogue catalogue) {
        return load(file, file.toString(), catalogue);
    }

    public static Scenario load(Path file, String displayName, FaultCatalogue catalogue) {
        SourceDocument read = YamlReader.read(file, displayName);
        List<Problem> problems = new ArrayList<>(SCHEMA.check(read));
        Optional<SourceDocument> checkable = ListEntries.withoutBrokenEntries(read, problems);
        if (checkable.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        SourceDocument doc = checkable.get();
        String topologyRef = doc.root().get("topology").asString();
        Topology topology = referenced(doc, "/topology", topologyRef, problems,
                (path, name) -> TopologyLoader.load(path, name));
        if (topology == null) {
            throw new InvalidInputException(sorted(problems));
        }
        Optional<Runbook> runbook = Optional.ofNullable(doc.root().path("failover").get("runbook"))
                .map(ref -> referenced(doc, "/failover/runbook", ref.asString(), problems,
                        (path, name) -> RunbookLoader.load(path, name, topology)));
        Scenario scenario = new ScenarioBinder(doc, topology, runbook, catalogue, problems).bind(sha256(file));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(sorted(problems));
        }
        return scenario;
    }

    private interface Reader<T> {
        T read(Path path, String displayName);
    }

    /** Loads a file named in the scenario, relative to the scenario's folder; its problems join ours. */
    private static <T> T referenced(SourceDocument doc, String pointer, String ref, List<Problem> problems, Reader<T> reader) {
        Path path = doc.path().toAbsolutePath().getParent().resolve(ref).normalize();
        Path shown = Path.of(doc.displayName()).resolveSibling(ref).normalize();
        if (!Files.isRegularFile(path)) {
            problems.add(doc.problemAt(pointer, "file '" + ref + "' not found (looked for " + shown + ")"));
            return null;
        }
        try {
            return reader.read(path, shown.toString());
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private static List<Problem> sorted(List<Problem> problems) {
        List<Problem> copy = new ArrayList<>(problems);
        copy.sort(ProblemOrder.INSTANCE);
        return copy;
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

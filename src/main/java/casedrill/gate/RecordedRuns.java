package casedrill.gate;

import casedrill.report.DrillResult;
import casedrill.report.ResultJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds recorded runs by scenario id: in a run folder (one result.json), a gate folder (its runs.json),
 * a reports folder (the latest run of each scenario), or by a tag under {@code <reports>/tags/}.
 */
public final class RecordedRuns {
    public static final String TAGS = "tags";

    private RecordedRuns() {
    }

    /** Resolves {@code spec} (a path or a tag name); empty when it names nothing. */
    public static Optional<Map<String, GateEvaluation.Run>> resolve(String spec, Path reportsRoot) {
        Path path = Path.of(spec);
        if (Files.isDirectory(path)) {
            return Optional.of(in(path));
        }
        Path tag = reportsRoot.resolve(TAGS).resolve(spec);
        if (!spec.contains("/") && Files.isRegularFile(tag)) {
            try {
                return Optional.of(in(tag.getParent().resolve(Files.readString(tag).strip()).normalize()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read tag " + tag, e);
            }
        }
        return Optional.empty();
    }

    /** The runs in a run folder, a gate folder or a reports folder. */
    public static Map<String, GateEvaluation.Run> in(Path folder) {
        Map<String, GateEvaluation.Run> runs = new LinkedHashMap<>();
        if (Files.isRegularFile(folder.resolve("result.json"))) {
            add(runs, folder);
        } else if (Files.isRegularFile(folder.resolve(GateFolder.RUNS))) {
            JsonNode listed = JsonMapper.shared().readTree(folder.resolve(GateFolder.RUNS).toFile());
            listed.properties().forEach(e -> add(runs, folder.resolve(e.getValue().asString()).normalize()));
        } else {
            for (Path scenario : list(folder)) {
                list(scenario).stream().filter(d -> Files.isRegularFile(d.resolve("result.json")))
                        .max(Comparator.comparing(d -> d.getFileName().toString())) // run ids start with the UTC start time
                        .ifPresent(latest -> add(runs, latest));
            }
        }
        return runs;
    }

    private static void add(Map<String, GateEvaluation.Run> runs, Path runFolder) {
        try {
            DrillResult result = ResultJson.read(runFolder.resolve("result.json"));
            runs.put(result.scenario().id(), new GateEvaluation.Run(runFolder, result));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(runFolder.resolve("result.json") + " cannot be read as a drill result: " + e.getMessage(), e);
        }
    }

    private static java.util.List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}

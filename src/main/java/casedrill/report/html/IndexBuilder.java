package casedrill.report.html;

import casedrill.report.DrillResult;
import casedrill.report.ResultJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Rebuilds {@code <reports>/index.html} from every {@code <scenario>/<run-id>/result.json} under it. */
public final class IndexBuilder {
    private IndexBuilder() {
    }

    public static Path rebuild(Path reportsRoot, Instant now) {
        Map<String, List<TrendIndex.Run>> runs = new TreeMap<>();
        for (Path result : results(reportsRoot)) {
            try {
                DrillResult r = ResultJson.read(result);
                String href = reportsRoot.relativize(result.resolveSibling("report.html")).toString().replace('\\', '/');
                runs.computeIfAbsent(r.scenario().id(), k -> new ArrayList<>()).add(new TrendIndex.Run(href, r));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(result + " cannot be read as a drill result: " + e.getMessage(), e);
            }
        }
        // run ids begin with the UTC start time, so their order is the order the runs happened
        runs.values().forEach(list -> list.sort(java.util.Comparator.comparing(run -> run.result().runId())));
        try {
            return Files.writeString(reportsRoot.resolve(TrendIndex.FILE), TrendIndex.render(runs, now));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + reportsRoot.resolve(TrendIndex.FILE), e);
        }
    }

    private static List<Path> results(Path root) {
        try (Stream<Path> walk = Files.walk(root, 3)) {
            return walk.filter(p -> p.getFileName().toString().equals(ResultJson.FILE) && root.relativize(p).getNameCount() == 3).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the runs under " + root, e);
        }
    }
}

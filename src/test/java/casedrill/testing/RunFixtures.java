package casedrill.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The recorded run folders under src/test/resources/runs/, copied into a scratch reports folder so tests can change them. */
public final class RunFixtures {
    public static final String PASSING = "pg-primary-crash/20261123-030000-a1b2";
    public static final String LOST_WRITES = "dc1-power-loss/20261123-031500-c3d4";
    public static final String RUNBOOK = "dc1-evacuation/20261123-033000-e5f6";

    private RunFixtures() {
    }

    public static Path source() {
        try {
            return Path.of(RunFixtures.class.getResource("/runs").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the named runs (e.g. {@link #PASSING}) into {@code reportsRoot}; returns their folders in order. */
    public static java.util.List<Path> copy(Path reportsRoot, String... runs) {
        return Stream.of(runs).map(run -> copyTree(source().resolve(run), reportsRoot.resolve(run))).toList();
    }

    private static Path copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package casedrill.testing;

import java.net.URISyntaxException;
import java.nio.file.Path;
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
        return Stream.of(runs).map(run -> TestFiles.copyTree(source().resolve(run), reportsRoot.resolve(run))).toList();
    }
}

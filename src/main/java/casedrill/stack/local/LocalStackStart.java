package casedrill.stack.local;

import casedrill.stack.Credentials;
import casedrill.stack.StackLayout;
import casedrill.stack.StackOptions;
import casedrill.stack.recipe.RecipeContext;
import casedrill.stack.recipe.RunUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Brings a local stack up: a fresh run directory and state file, then every node; on failure (or Ctrl-C while
 * starting) stops what it started, and keeps the run directory if anything ran, for its logs.
 */
final class LocalStackStart {
    private LocalStackStart() {
    }

    static LocalStack up(StackLayout topologyLayout, StackOptions options) {
        StackLayout layout = AddressShift.shifted(topologyLayout, options.addressShift());
        String id = layout.topology() + "-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                .format(Instant.now()) + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        Path dir = createRunDirectory(options.runRoot(), id);
        RecipeContext ctx = new RecipeContext(id, dir, layout, options, Credentials.generate(), RunUser.forStack());
        StackState initial = new StackState(id, dir.toString(), Instant.now(), options, layout, ctx.credentials(), Map.of());
        StateFile.write(initial);
        StateFile.pointCurrentAt(options.runRoot(), dir);
        LocalStackLauncher launcher = new LocalStackLauncher(ctx, initial);
        // Ctrl-C or SIGTERM while starting: nobody holds a LocalStack yet, so this hook stops what was started.
        Thread interrupted = new Thread(() -> abandon(ctx, launcher, options, dir), "stack-up-interrupted");
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            StackState running = launcher.up();
            return new LocalStack(ctx, running, true, launcher.phaseTimes());
        } catch (RuntimeException e) {
            abandon(ctx, launcher, options, dir);
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it stops what was started
            }
        }
    }

    private static void abandon(RecipeContext ctx, LocalStackLauncher launcher, StackOptions options, Path dir) {
        Partitions.cleanup(ctx.id());
        Teardown.stopAll(ctx, launcher.state(), false);
        StateFile.clearCurrent(options.runRoot(), dir);
        if (launcher.state().processes().isEmpty()) {
            Teardown.removeDirectory(dir);
        }
    }

    private static Path createRunDirectory(Path runRoot, String id) {
        try {
            Files.createDirectories(runRoot);
            Path dir = Files.createDirectory(runRoot.resolve(id));
            // The stack user must traverse into its nodes' folders; only they hold anything private.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create run directory under " + runRoot + ": " + e.getMessage(), e);
        }
    }
}

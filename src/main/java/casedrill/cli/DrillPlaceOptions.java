package casedrill.cli;

import casedrill.outcome.ExitCode;
import casedrill.stack.StackOptions;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where drills put their results and stacks, and how runs are sealed: shared by `run` and `gate`. */
final class DrillPlaceOptions {
    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports", description = "Parent of the run folders (default: ${DEFAULT-VALUE}).")
    Path reports;

    @Option(names = "--run-root", paramLabel = "DIR", defaultValue = "/var/tmp/casedrill",
            description = "Parent of stack run directories (default: ${DEFAULT-VALUE}).")
    Path runRoot;

    @Option(names = "--address-shift", paramLabel = "N", defaultValue = "0",
            description = "Move every stack address by N in its third octet, e.g. to run beside another stack.")
    int addressShift;

    @Mixin
    ProviderOption provider;

    @Option(names = "--key", paramLabel = "FILE", description = "Ed25519 key that seals run folders (default: $CASEDRILL_SIGNING_KEY, else ~/.config/casedrill/signing-key; created on first use).")
    Path key;

    @Option(names = "--release", paramLabel = "LABEL",
            description = "The release of the system under test (e.g. 2.4.1), recorded in result.json; the index charts runs against it.")
    String release;

    /** The --release label, checked: letters, digits, '.', '_', '+', '-' (null when not given). */
    String release() {
        if (release != null && !release.matches("[A-Za-z0-9][A-Za-z0-9._+-]{0,62}")) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, "--release: '" + release
                    + "' is not a release label (up to 63 letters, digits, '.', '_', '+', '-', starting with a letter or digit).");
        }
        return release;
    }

    /** The --provider name, checked against the known providers (null when not given: each scenario's own). */
    String provider() {
        if (provider.name != null) {
            ProviderOption.byName(provider.name);
        }
        return provider.name;
    }

    /** Stack options for these places; {@code jar} may be null (this jar, or this class path when run from classes). */
    StackOptions stackOptions(Path jar) {
        StackOptions options = StackOptions.defaults().withRunRoot(runRoot);
        if (jar != null) {
            return options.withJar(jar.toAbsolutePath());
        }
        // Running from classes (tests, an IDE): the jar may not be built yet, so nodes run from this class path.
        return Files.isRegularFile(options.jar()) ? options : options.withClasspath(absoluteClassPath());
    }

    /** Nodes start in their own folders, so a relative class path entry would point nowhere. */
    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }
}

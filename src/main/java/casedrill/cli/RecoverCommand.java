package casedrill.cli;

import casedrill.fault.JsonHttp;
import casedrill.fault.LeaseFile;
import casedrill.fault.Recovery;
import casedrill.outcome.ExitCode;
import casedrill.stack.HealthyWait;
import casedrill.stack.RunningStack;
import casedrill.stack.StackRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Heals what a killed harness left behind, from a run folder's lease file and the provider of the stack it names. */
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = {"Heal the faults a killed drill left active: remove its toxics, enable its proxies, resume its",
                "paused processes, disable its Chaos Monkey assaults. Uses only the run folder's lease.json and the",
                "provider it names (leases from before providers: local; --environment FILE names a remote deployment's",
                "environment anew); then wait until every node is healthy again.",
                "Exit 0 when everything was healed and the stack is healthy, 4 otherwise."})
public final class RecoverCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_FOLDER",
            description = "Run folder of the drill (default: the most recent one under --reports with a lease).")
    Path runFolder;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports", description = "Where to look for the latest run (default: ${DEFAULT-VALUE}).")
    Path reports;

    /** Overrides the provider the lease names. */
    @Mixin
    ProviderOption provider;

    @Option(names = "--wait-healthy", paramLabel = "SECONDS", defaultValue = "180",
            description = "After healing, wait up to this long until every node of the stack is healthy (0: do not wait; default: ${DEFAULT-VALUE}).")
    int waitHealthySeconds;

    @Override
    public Integer call() {
        Path folder = runFolder != null ? runFolder : latest().orElseThrow(() -> new UserFacingException(ExitCode.INVALID_INPUT,
                "no run folder with a " + LeaseFile.NAME + " under '" + reports + "'; name the run folder."));
        if (!Files.isRegularFile(folder.resolve(LeaseFile.NAME))) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, "run folder '" + folder + "' has no " + LeaseFile.NAME + ".");
        }
        if (provider.name != null) {
            ProviderOption.byName(provider.name);
        }
        StackRef stack = provider.environmentOr(new LeaseFile(folder).read().stack());
        Recovery.Outcome outcome = Recovery.recover(folder, JsonHttp.standard(), provider::resolve, leased -> stack);
        outcome.done().forEach(line -> System.out.println("healed: " + line));
        outcome.failures().forEach(line -> System.err.println("NOT healed: " + line));
        if (outcome.done().isEmpty() && outcome.failures().isEmpty()) {
            System.out.println("nothing to recover in " + folder);
        }
        if (!outcome.failures().isEmpty()) {
            return ExitCode.HARNESS_ERROR.code();
        }
        return waitHealthySeconds > 0 && !healthy(stack) ? ExitCode.HARNESS_ERROR.code() : ExitCode.OK.code();
    }

    /** Healed is not yet back: nodes a heal restarted take seconds to be ready, so recover waits and says which are not. */
    private boolean healthy(StackRef ref) {
        RunningStack stack;
        try {
            stack = provider.resolve(ref.provider()).attach(ref);
        } catch (RuntimeException e) {
            System.out.println("stack " + ref + " is not running (" + e.getMessage() + "), so there is no health to wait for");
            return true;
        }
        try (stack) {
            HealthyWait.Verdict verdict = HealthyWait.await(stack::status, Duration.ofSeconds(waitHealthySeconds), Duration.ofSeconds(1),
                    System.out::println);
            (verdict.healthy() ? System.out : System.err).println("stack " + verdict.describe());
            return verdict.healthy();
        }
    }

    private Optional<Path> latest() {
        if (!Files.isDirectory(reports)) {
            return Optional.empty();
        }
        try (Stream<Path> leases = Files.find(reports, 3, (p, a) -> p.getFileName().toString().equals(LeaseFile.NAME))) {
            return leases.max(Comparator.comparing(p -> p.toFile().lastModified())).map(Path::getParent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + reports + " for lease files", e);
        }
    }
}

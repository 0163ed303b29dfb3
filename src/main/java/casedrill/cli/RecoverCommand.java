package casedrill.cli;

import casedrill.fault.JsonHttp;
import casedrill.fault.LeaseFile;
import casedrill.fault.Recovery;
import casedrill.outcome.ExitCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
                "provider it names (leases from before providers: local). Exit 0 when everything was healed, 4 otherwise."})
public final class RecoverCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_FOLDER",
            description = "Run folder of the drill (default: the most recent one under --reports with a lease).")
    Path runFolder;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports", description = "Where to look for the latest run (default: ${DEFAULT-VALUE}).")
    Path reports;

    /** Overrides the provider the lease names. */
    @Mixin
    ProviderOption provider;

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
        Recovery.Outcome outcome = Recovery.recover(folder, JsonHttp.standard(), provider::resolve);
        outcome.done().forEach(line -> System.out.println("healed: " + line));
        outcome.failures().forEach(line -> System.err.println("NOT healed: " + line));
        if (outcome.done().isEmpty() && outcome.failures().isEmpty()) {
            System.out.println("nothing to recover in " + folder);
        }
        return outcome.failures().isEmpty() ? ExitCode.OK.code() : ExitCode.HARNESS_ERROR.code();
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

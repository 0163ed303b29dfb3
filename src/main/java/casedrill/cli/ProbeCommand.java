package casedrill.cli;

import casedrill.history.DrillClock;
import casedrill.history.Event;
import casedrill.history.HistoryWriter;
import casedrill.outcome.ExitCode;
import casedrill.probe.CanaryProbes;
import casedrill.probe.StandardProbes;
import casedrill.probe.Tokens;
import casedrill.probe.WriteLedger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the canary probes against an edge URL for a while and writes what they saw to a history file. */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Probe the case service (status, screening, intake) and append the results to a history file. "
                + "Tokens come from CASEDRILL_TOKEN_CLIENT / CASEDRILL_TOKEN_PARTNER.")
public final class ProbeCommand implements Callable<Integer> {
    @Option(names = "--base", required = true, paramLabel = "URL", description = "edge base URL, e.g. http://127.0.1.10:8080")
    URI base;

    @Option(names = "--for", paramLabel = "DURATION", defaultValue = "10s", description = "how long to probe (default: ${DEFAULT-VALUE})")
    String lasting;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "100ms", description = "probe interval (default: ${DEFAULT-VALUE})")
    String interval;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "2s", description = "probe timeout (default: ${DEFAULT-VALUE})")
    String timeout;

    @Option(names = "--history", required = true, paramLabel = "FILE", description = "history file to append to")
    Path history;

    @Override
    public Integer call() throws InterruptedException {
        String host = base.getHost();
        if (host == null || !host.startsWith("127.")) {
            throw new UserFacingException(ExitCode.INVALID_INPUT,
                    "--base '" + base + "' is not a loopback address; probes only target 127.0.0.0/8.");
        }
        Duration run = CheckCommand.duration("--for", lasting);
        Duration every = CheckCommand.duration("--interval", interval);
        Duration limit = CheckCommand.duration("--timeout", timeout);
        if (history.getParent() != null && !Files.isDirectory(history.getParent())) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, "--history: folder '" + history.getParent() + "' does not exist.");
        }
        DrillClock clock = DrillClock.system();
        try (HistoryWriter writer = new HistoryWriter(history, clock)) {
            writer.append(new Event.DrillStarted(0, "probe " + base));
            WriteLedger ledger = new WriteLedger(writer::append);
            String keyPrefix = "probe-" + Long.toString(System.currentTimeMillis(), 36);
            try (CanaryProbes probes = new CanaryProbes(base, every, limit,
                    StandardProbes.of(Tokens.fromEnvironment(), keyPrefix, ledger), clock, writer::append)) {
                TimeUnit.MILLISECONDS.sleep(run.toMillis());
            }
            writer.append(new Event.DrillEnded(clock.offsetMs(), "completed"));
            System.out.printf("%d acknowledged, %d in-doubt intakes; history in %s%n",
                    ledger.acknowledged().size(), ledger.inDoubt().size(), history);
        }
        return ExitCode.OK.code();
    }
}

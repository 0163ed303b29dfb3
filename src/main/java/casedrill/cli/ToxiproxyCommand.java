package casedrill.cli;

import casedrill.outcome.ExitCode;
import casedrill.toxiproxy.ProxySpec;
import casedrill.toxiproxy.ToxiproxyException;
import casedrill.toxiproxy.api.ApiServer;
import casedrill.toxiproxy.api.ToxiproxyServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the embedded Toxiproxy server until SIGTERM or SIGINT, with toxiproxy-server's flags.
 * Prints one line with the bound API address once it accepts requests, for a parent to wait on.
 */
@Command(name = "toxiproxy", mixinStandardHelpOptions = true,
        description = "Run a Toxiproxy 2.x compatible server (HTTP API and proxies) until stopped.")
public final class ToxiproxyCommand implements Callable<Integer> {
    /** The start of the ready line; the address follows. */
    public static final String READY = "toxiproxy API listening on ";

    @Option(names = {"--host", "-host"}, defaultValue = "localhost", description = "API host to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = {"--port", "-port"}, defaultValue = "8474", description = "API port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = {"--config", "-config"}, description = "JSON file of proxies to create at start-up, as for POST /populate.")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        List<ProxySpec> proxies = config == null ? List.of() : readConfig(config);
        if (port < 0 || port > 65535) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, "--port must be between 0 and 65535, but was " + port + ".");
        }
        ToxiproxyServer server;
        try {
            server = ToxiproxyServer.start(new InetSocketAddress(host, port), proxies);
        } catch (ToxiproxyException e) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, config + ": " + e.getMessage() + ".");
        } catch (IllegalStateException e) {
            throw new UserFacingException(ExitCode.HARNESS_ERROR, e.getMessage() + ".");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "toxiproxy-shutdown"));
        InetSocketAddress bound = server.apiAddress();
        System.out.println(READY + bound.getAddress().getHostAddress() + ":" + bound.getPort());
        System.out.flush();
        stopped.await();
        return ExitCode.OK.code();
    }

    private static List<ProxySpec> readConfig(Path file) {
        try {
            return ApiServer.parseConfig(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, "cannot read --config " + file + ": " + e.getMessage() + ".");
        } catch (ToxiproxyException e) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, file + ": " + e.getMessage() + ".");
        }
    }
}

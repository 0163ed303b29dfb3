package casedrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.outcome.ExitCode;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `casedrill toxiproxy` as a separate process: ready line, --config, clean stop on SIGTERM. */
class ToxiproxyCommandTest {

    @Test
    void printsItsAddressServesTheConfigAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("proxies.json");
        Files.writeString(config, "[{\"name\":\"db\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:5432\"}]");
        Process process = start("toxiproxy", "--host", "127.0.0.1", "--port", "0", "--config", config.toString());
        try {
            String ready = CompletableFuture.supplyAsync(() -> firstLine(process)).get(30, TimeUnit.SECONDS);
            assertThat(ready).startsWith(ToxiproxyCommand.READY + "127.0.0.1:");
            int port = Integer.parseInt(ready.substring(ready.lastIndexOf(':') + 1));

            ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", port);
            assertThat(client.getProxy("db").getUpstream()).isEqualTo("127.0.0.1:5432");

            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
            assertThat(refuses(port)).as("API port released").isTrue();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void anUnreadableConfigIsInvalidInput(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("broken.json");
        Files.writeString(config, "{\"name\":");
        // toxiproxy-server's single-dash spelling works too
        Process process = start("toxiproxy", "-port", "0", "-config", config.toString());
        try {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(ExitCode.INVALID_INPUT.code());
            assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("broken.json").contains("bad request body");
        } finally {
            process.destroyForcibly();
        }
    }

    private static Process start(String... args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    private static String firstLine(Process process) {
        try {
            return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean refuses(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}

package casedrill.fault;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.stack.StackRef;
import casedrill.cli.Main;
import casedrill.toxiproxy.api.ToxiproxyServer;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recover} as a command: exit codes and what it removes. */
class RecoverCommandTest {
    @TempDir
    Path run;

    @Test
    void aFolderWithoutALeaseIsInvalidInput() {
        assertThat(Main.execute("recover", run.toString())).as("exit code").isEqualTo(2);
    }

    @Test
    void recoverRemovesTheLeasedToxicsAndExitsZero() throws Exception {
        try (ToxiproxyServer server = ToxiproxyServer.start(new InetSocketAddress("127.0.0.1", 0))) {
            ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", server.apiPort());
            client.createProxy("wan", "127.0.0.1:0", "127.0.0.1:9").toxics().latency("slow-upstream", ToxicDirection.UPSTREAM, 100);
            new LeaseFile(run).write(new Lease(new StackRef("local", "/nonexistent"), "127.0.0.1:" + server.apiPort(), List.of(
                    new Lease.Entry("slow", "latency", "link:wan", "2026-11-23T04:00:00Z", Undo.toxics(Map.of("wan", List.of("slow-upstream")))))));
            assertThat(Main.execute("recover", run.toString())).as("exit code").isEqualTo(0);
            assertThat(client.getProxy("wan").toxics().getAll()).as("toxics after recover").isEmpty();
        }
    }

    @Test
    void aPausedNodeWhoseStackIsGoneIsReportedAsNotHealed() {
        new LeaseFile(run).write(new Lease(new StackRef("local", "/nonexistent-stack"), "127.0.0.1:1", List.of(
                new Lease.Entry("freeze", "pause", "node:app-dc1-a", "2026-11-23T04:00:00Z", Undo.paused(List.of("app-dc1-a"))))));
        assertThat(Main.execute("recover", run.toString())).as("exit code").isEqualTo(4);
        assertThat(new LeaseFile(run).read().faults()).as("the fault stays leased").hasSize(1);
    }
}

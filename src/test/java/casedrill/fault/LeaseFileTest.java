package casedrill.fault;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.stack.StackRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaseFileTest {
    @TempDir
    Path run;

    @Test
    void aLeaseWrittenBeforeProvidersNamesTheLocalStackByItsDirectory() throws IOException {
        Files.writeString(run.resolve(LeaseFile.NAME), """
                {
                  "stackDir" : "/var/tmp/casedrill/two-dc-20261201-101500-3fa2",
                  "toxiproxyApi" : "127.0.1.2:8474",
                  "faults" : [ {
                    "fault" : "freeze-pg1",
                    "action" : "pause",
                    "target" : "node:pg-dc1",
                    "since" : "2026-12-01T10:16:40Z",
                    "undo" : { "toxics" : { }, "disabledProxies" : [ ], "pausedNodes" : [ "pg-dc1" ], "assaultUrls" : [ ], "partitionStack" : null }
                  } ]
                }
                """);

        Lease lease = new LeaseFile(run).read();

        assertThat(lease.stack()).isEqualTo(new StackRef("local", "/var/tmp/casedrill/two-dc-20261201-101500-3fa2"));
        assertThat(lease.toxiproxyApi()).isEqualTo("127.0.1.2:8474");
        assertThat(lease.faults()).extracting(Lease.Entry::fault).containsExactly("freeze-pg1");
        assertThat(lease.faults().get(0).undo().pausedNodes()).containsExactly("pg-dc1");
    }

    @Test
    void aLeaseKeepsItsStackReferenceThroughTheFile() {
        LeaseFile file = new LeaseFile(run);
        file.write(new Lease(new StackRef("local", "/s/two-dc-1"), "127.0.1.2:8474", List.of()));

        assertThat(file.read().stack()).isEqualTo(new StackRef("local", "/s/two-dc-1"));
        assertThat(file.read().faults()).isEmpty();
    }
}

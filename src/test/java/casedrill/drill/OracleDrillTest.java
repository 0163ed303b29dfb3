package casedrill.drill;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.check.Disruption;
import casedrill.check.RecoveryCriteria;
import casedrill.check.RecoveryTimeChecker;
import casedrill.cli.Main;
import casedrill.history.HistoryReader;
import casedrill.report.DrillResult;
import casedrill.report.ResultJson;
import casedrill.stack.local.LocalStack;
import casedrill.testing.KeptResults;
import casedrill.topology.DbVariant;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The oracle: short real drills watched by a poller of the test's own ({@link OraclePoller}). The drill's intake RTO must agree
 * with the outage the poller saw (its first success after the fault minus T_fault as the history states it) within one
 * probe interval + 200 ms, and every write the poller saw acknowledged must be on the surviving primary afterwards.
 * One stack for both drills; the edge cut runs first because the power loss leaves dc1 to rejoin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OracleDrillTest {
    private static final int ADDRESS_SHIFT = Integer.getInteger("casedrill.test.oracleAddressShift", 200);
    private static final Path DRILLS = Path.of("src/test/resources/drills");
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(100);
    private static final long TOLERANCE_MS = PROBE_INTERVAL.toMillis() + 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LocalStack stack;

    /** Kept after the run (target/ is cleaned by the build), so a disagreement can be traced in the drill's files. */
    @KeptResults
    private final Path reports = Path.of("target/oracle-drills");

    @BeforeAll
    void up() throws IOException {
        if (Files.isDirectory(reports)) {
            try (Stream<Path> old = Files.walk(reports)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        stack = DrillTestStack.up(ADDRESS_SHIFT, DbVariant.DEFAULT);
    }

    @AfterAll
    void down() {
        if (stack != null) {
            // From the state file, not this object: healing the power loss restarted dc1's nodes under new PIDs.
            assertThat(LocalStack.attach(stack.directory()).down(false)).as("processes left alive by stack down").isEmpty();
        }
    }

    @Test
    @Order(1)
    void aFiveSecondCutOfTheEdgeLinksAgreesWithThePoller() throws Exception {
        drillAgreesWithThePoller("oracle-edge-cut");
    }

    @Test
    @Order(2)
    void aPowerLossOfDc1AgreesWithThePoller() throws Exception {
        drillAgreesWithThePoller("oracle-dc1-power-loss");
    }

    private void drillAgreesWithThePoller(String scenario) throws Exception {
        OraclePoller poller = new OraclePoller(stack.edgeUrl(), stack.credentials().clientToken(),
                "oracle-" + UUID.randomUUID().toString().substring(0, 8));
        int exit;
        try {
            exit = Main.execute("run", DRILLS.resolve(scenario + ".yaml").toString(), "--attach", stack.directory().toString(),
                    "--reports", reports.toString(), "--key", reports.resolve("test-signing-key").toString(), "--settle", "20s");
        } finally {
            poller.close();
        }
        Path folder = onlyRunFolder(scenario);
        Path history = folder.resolve("history.jsonl");
        long faultMs = effectiveFaultMs(history);
        Instant faultWall = startWall(history).plusMillis(faultMs);
        // The poller writes intake cases, so the drill's intake figure is the one it can confirm (ObserverCrossCheck too).
        Disruption intake = RecoveryTimeChecker.measure(HistoryReader.read(history), RecoveryCriteria.DEFAULT).get("intake").get(0);
        long drillRtoMs = intake.recovered() ? intake.rtoMs() : Long.MAX_VALUE;
        Instant pollerRecovered = poller.firstSuccessAfter(faultWall).orElseThrow(
                () -> new AssertionError("the poller saw no successful write after the fault at " + faultMs + " ms"));
        long pollerOutageMs = poller.failedBetween(faultWall, pollerRecovered) ? Duration.between(faultWall, pollerRecovered).toMillis() : 0;
        Files.writeString(reports.resolve(scenario + "-poller.csv"), poller.csv());
        List<OraclePoller.Write> acknowledged = poller.writes().stream().filter(OraclePoller.Write::acknowledged).toList();
        System.out.printf("oracle %s: T_fault %d ms, drill RTO %d ms, poller's outage %d ms (difference %d ms, tolerance %d ms); "
                        + "poller wrote %d, %d acknowledged; exit %d%n", scenario, faultMs, drillRtoMs, pollerOutageMs,
                Math.abs(drillRtoMs - pollerOutageMs), TOLERANCE_MS, poller.writes().size(), acknowledged.size(), exit);

        assertThat(Math.abs(drillRtoMs - pollerOutageMs)).as("|drill RTO %d ms - poller's outage %d ms| (T_fault %d ms)",
                drillRtoMs, pollerOutageMs, faultMs).isLessThanOrEqualTo(TOLERANCE_MS);
        assertThat(pollerOutageMs).as("the poller saw the fault").isPositive();
        Map<String, String> found = storedHashes(acknowledged);
        assertThat(acknowledged).as("acknowledged writes of the poller").hasSizeGreaterThan(100)
                .allSatisfy(w -> assertThat(found.get(w.key())).as("body hash of %s on the surviving primary", w.key()).isEqualTo(w.sha256()));
        DrillResult result = ResultJson.read(folder.resolve("result.json"));
        assertThat(result.observer()).as("the drill's own independent observer").isNotNull();
        assertThat(result.observer().lost()).as("writes the drill's observer lost").isZero();
        assertThat(exit).as("exit code; targets %s; observer: %s", result.targets(), result.observer().describe()).isZero();
    }

    /** T_fault as the history states it: the effective instant when the event carries one, else its offset. */
    private static long effectiveFaultMs(Path history) throws IOException {
        JsonNode fault = lines(history).filter(l -> "fault_injected".equals(l.path("type").asString())).findFirst().orElseThrow();
        return fault.has("effectiveAtMs") ? fault.path("effectiveAtMs").asLong() : fault.path("offsetMs").asLong();
    }

    private static Instant startWall(Path history) throws IOException {
        JsonNode started = lines(history).filter(l -> "drill_started".equals(l.path("type").asString())).findFirst().orElseThrow();
        return Instant.parse(started.path("wall").asString()).minusMillis(started.path("offsetMs").asLong());
    }

    private static Stream<JsonNode> lines(Path history) throws IOException {
        return Files.readAllLines(history).stream().filter(l -> !l.isBlank()).map(JSON::readTree);
    }

    private Map<String, String> storedHashes(List<OraclePoller.Write> writes) throws SQLException {
        String leader = stack.status().leader();
        Map<String, String> found = new HashMap<>();
        try (Connection db = DriverManager.getConnection(stack.dbUrlFor(leader), stack.credentials().appUser(), stack.credentials().appPassword());
             PreparedStatement st = db.prepareStatement("SELECT idempotency_key, request_sha256 FROM cases WHERE idempotency_key = ANY (?)")) {
            st.setArray(1, db.createArrayOf("text", writes.stream().map(OraclePoller.Write::key).toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return found;
    }

    private Path onlyRunFolder(String scenario) throws IOException {
        try (Stream<Path> runs = Files.list(reports.resolve(scenario))) {
            List<Path> all = runs.filter(Files::isDirectory).toList();
            assertThat(all).as("run folders of %s", scenario).hasSize(1);
            return all.get(0);
        }
    }
}

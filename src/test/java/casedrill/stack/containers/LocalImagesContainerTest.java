package casedrill.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casedrill.topology.NodeKind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.ImagePullPolicy;
import org.testcontainers.images.builder.Transferable;

/**
 * Every role's image from target/images/manifest.json starts through Testcontainers, never pulled, and
 * answers the way the local stack's readiness checks ask. Needs a Docker engine and `make images`
 * (make test-docker does both).
 */
@Tag("docker")
class LocalImagesContainerTest {
    /** No registry exists: a missing image fails in milliseconds instead of retrying a pull. */
    private static final ImagePullPolicy NEVER_PULL = name -> false;
    private static final Duration START = Duration.ofSeconds(120);
    private static final String SUPERUSER_PASSWORD = "images-test-superuser";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Images images;

    @BeforeAll
    static void readManifest() {
        images = Images.read(Images.DEFAULT_MANIFEST);
    }

    private static GenericContainer<?> container(NodeKind kind) {
        return new GenericContainer<>(images.of(kind).reference()).withImagePullPolicy(NEVER_PULL)
                .withStartupTimeout(START);
    }

    private static GenericContainer<?> etcd(String name) {
        return container(NodeKind.ETCD)
                .withCommand("--name", name, "--data-dir", "/tmp/" + name,
                        "--listen-client-urls", "http://0.0.0.0:2379",
                        "--advertise-client-urls", "http://" + name + ":2379", "--enable-v2=false")
                .withExposedPorts(2379)
                .waitingFor(Wait.forHttp("/health").forPort(2379).forStatusCode(200));
    }

    /** With Ryuk and the gateway probe off (pom.xml's surefire configuration), this policy is what keeps registries out. */
    @Test
    void anImageNotBuiltHereFailsAtOnceInsteadOfBeingPulled() {
        long started = System.nanoTime();
        try (GenericContainer<?> absent = new GenericContainer<>("casedrill/never-built:" + "0".repeat(12))
                .withImagePullPolicy(NEVER_PULL)) {
            assertThatThrownBy(absent::start).as("starting an image the engine does not hold")
                    .isInstanceOf(ContainerLaunchException.class);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time to fail without a pull")
                .isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void etcdAnswersHealthy() throws IOException, InterruptedException {
        try (GenericContainer<?> etcd = etcd("etcd1")) {
            etcd.start();
            assertThat(get(etcd, 2379, "/health").body()).as("etcd's /health").contains("\"health\":\"true\"");
        }
    }

    @Test
    void dbRoutersAndTheGslbRunHaproxyAndItAnswersItsStatsPage() throws IOException, InterruptedException {
        assertThat(images.of(NodeKind.GSLB)).as("the gslb and the db-routers are both HAProxy")
                .isEqualTo(images.of(NodeKind.DB_ROUTER));
        try (GenericContainer<?> haproxy = container(NodeKind.DB_ROUTER)
                .withCopyToContainer(resource("haproxy-stats.cfg"), "/etc/haproxy/haproxy.cfg")
                .withExposedPorts(8404)
                .waitingFor(Wait.forHttp("/stats").forPort(8404).forStatusCode(200))) {
            haproxy.start();
            assertThat(get(haproxy, 8404, "/stats").body()).as("HAProxy's stats page").contains("HAProxy");
        }
    }

    @Test
    void toxiproxyServerAnswersVersion() throws IOException, InterruptedException {
        try (GenericContainer<?> toxiproxy = container(NodeKind.TOXIPROXY)
                .withCommand("toxiproxy", "--host", "0.0.0.0", "--port", "8474")
                .withExposedPorts(8474)
                .waitingFor(Wait.forHttp("/version").forPort(8474).forStatusCode(200))) {
            toxiproxy.start();
            assertThat(get(toxiproxy, 8474, "/version").statusCode()).as("GET /version").isEqualTo(200);
        }
    }

    /** etcd, then Patroni leading a PostgreSQL 15, then a case-service node writing through it. */
    @Test
    void patroniLeadsPostgresqlAndTheCaseServiceBecomesReadyOnIt() throws IOException, InterruptedException {
        try (Network network = Network.newNetwork();
             GenericContainer<?> etcd = etcd("etcd1").withNetwork(network).withNetworkAliases("etcd1");
             GenericContainer<?> patroni = container(NodeKind.POSTGRES).withNetwork(network).withNetworkAliases("pg1")
                     .withEnv("PATRONI_CONFIGURATION", Files.readString(path("patroni.yml")))
                     .withExposedPorts(8008, 5432)
                     .waitingFor(Wait.forHttp("/primary").forPort(8008).forStatusCode(200));
             GenericContainer<?> app = container(NodeKind.APP).withNetwork(network)
                     .withEnv("CASEDRILL_DB_PASSWORD", SUPERUSER_PASSWORD)
                     .withEnv("CASEDRILL_TOKEN_CLIENT", "images-test-client-0000")
                     .withEnv("CASEDRILL_TOKEN_OFFICER", "images-test-officer-000")
                     .withEnv("CASEDRILL_TOKEN_PARTNER", "images-test-partner-000")
                     .withCommand("node", "app", "--site", "dc1", "--name", "app1", "--bind", "0.0.0.0:8080",
                             "--db", "jdbc:postgresql://pg1:5432/postgres?sslmode=disable&connectTimeout=2",
                             "--db-user", "postgres")
                     .withExposedPorts(8080)
                     .waitingFor(Wait.forHttp("/actuator/health/readiness").forPort(8080).forStatusCode(200))) {
            etcd.start();
            patroni.start();
            ExecResult ready = patroni.execInContainer("/usr/lib/postgresql/15/bin/pg_isready", "-h", "127.0.0.1", "-p", "5432");
            assertThat(ready.getExitCode()).as("pg_isready in the postgres container: %s", ready.getStdout()).isZero();
            app.start();
            assertThat(get(app, 8080, "/actuator/health").body()).as("the case service's health").contains("\"UP\"");
        }
    }

    private static HttpResponse<String> get(GenericContainer<?> c, int port, String path)
            throws IOException, InterruptedException {
        URI uri = URI.create("http://" + c.getHost() + ":" + c.getMappedPort(port) + path);
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Path path(String name) {
        return Path.of("src/test/resources/containers", name);
    }

    private static Transferable resource(String name) throws IOException {
        return Transferable.of(Files.readString(path(name)));
    }
}

package casedrill.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.toxiproxy.api.ToxiproxyServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Status codes, headers and bodies on the wire, checked against the spec's Appendix A samples. */
class ApiWireTest {
    private static final String TEXT = "text/plain; charset=utf-8";
    private static ToxiproxyServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = ToxiproxyServer.start(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void deleteAll() {
        server.proxies().all().forEach(p -> server.proxies().delete(p.name()));
    }

    @Test
    void versionIsJsonWithItsOwnContentType() throws Exception {
        HttpResponse<String> r = call("GET", "/version", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"version\": \"2.12.0\"}\n");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
        assertThat(r.headers().firstValue("X-Toxiproxy-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(20));
    }

    @Test
    void createIs201WithTheWildcardReportedAsIpv6() throws Exception {
        int port = freePort();
        HttpResponse<String> r = call("POST", "/proxies",
                "{\"name\":\"p2\",\"listen\":\"0.0.0.0:" + port + "\",\"upstream\":\"redis:6379\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.body()).isEqualTo("{\"name\":\"p2\",\"listen\":\"[::]:" + port
                + "\",\"upstream\":\"redis:6379\",\"enabled\":true,\"Logger\":{},\"toxics\":[]}");
    }

    @Test
    void errorsAreTextPlainJsonWithANewline() throws Exception {
        create("dup");
        HttpResponse<String> r = call("POST", "/proxies", "{\"name\":\"dup\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"x:1\"}");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).isEqualTo("{\"error\":\"proxy already exists\",\"status\":409}\n");
        assertThat(r.headers().firstValue("Content-Type")).hasValue(TEXT);
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        assertError(call("GET", "/proxies/nope", null), 404, "proxy not found");
        assertError(call("POST", "/proxies", ""), 400, "bad request body: EOF");
        assertError(call("POST", "/proxies", "{\"name\":\"a\""), 400, "bad request body: unexpected EOF");
        assertError(call("POST", "/proxies", "{\"upstream\":\"x:1\"}"), 400, "missing required field: name");
        assertError(call("POST", "/proxies", "{\"name\":\"x\"}"), 400, "missing required field: upstream");
        assertError(call("POST", "/proxies", "{\"name\":\"bad\",\"listen\":\"8666\",\"upstream\":\"x:1\"}"),
                500, "listen tcp: address 8666: missing port in address");
    }

    @Test
    void onlyTheFirstJsonValueCountsAndNullKeepsDefaults() throws Exception {
        HttpResponse<String> r = call("POST", "/proxies",
                "{\"name\":\"first\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"x:1\",\"enabled\":null} trailing");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).contains("\"enabled\":true");
    }

    @Test
    void bindFailureIs500WithTheOsReason() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            HttpResponse<String> r = call("POST", "/proxies",
                    "{\"name\":\"b\",\"listen\":\"127.0.0.1:" + taken.getLocalPort() + "\",\"upstream\":\"x:1\"}");
            assertError(r, 500, "listen tcp 127.0.0.1:" + taken.getLocalPort() + ": bind: address already in use");
            assertThat(call("GET", "/proxies", null).body()).isEqualTo("{}");
        }
    }

    @Test
    void toxicDefaultsAndAttributeTypes() throws Exception {
        create("t");
        HttpResponse<String> r = call("POST", "/proxies/t/toxics", "{\"type\":\"bandwidth\"}");
        assertThat(r.statusCode()).as("toxic create is 200, not 201").isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"attributes\":{\"rate\":0},\"name\":\"bandwidth_downstream\","
                + "\"type\":\"bandwidth\",\"stream\":\"downstream\",\"toxicity\":1}");

        assertThat(call("POST", "/proxies/t/toxics", "{\"TYPE\":\"latency\",\"Stream\":\"UpStream\",\"unknown\":1,"
                + "\"attributes\":{\"LATENCY\":5}}").body())
                .as("keys match ignoring case; stream is echoed as sent")
                .isEqualTo("{\"attributes\":{\"latency\":5,\"jitter\":0},\"name\":\"latency_UpStream\","
                        + "\"type\":\"latency\",\"stream\":\"UpStream\",\"toxicity\":1}");

        HttpResponse<String> wrongType = call("POST", "/proxies/t/toxics",
                "{\"name\":\"s\",\"type\":\"latency\",\"attributes\":{\"latency\":\"10\"}}");
        assertError(wrongType, 400, "bad request body: json: cannot unmarshal string into Go struct field "
                + "LatencyToxic.attributes.latency of type int64");
        for (String notInteger : new String[] {"1.5", "100.0", "1e3"}) {
            assertThat(call("POST", "/proxies/t/toxics",
                    "{\"name\":\"f\",\"type\":\"latency\",\"attributes\":{\"latency\":" + notInteger + "}}").statusCode())
                    .as(notInteger).isEqualTo(400);
        }
        assertError(call("POST", "/proxies/t/toxics", "{\"type\":\"latency\",\"stream\":\"sideways\"}"),
                400, "stream was invalid, can be either upstream or downstream");
        assertError(call("POST", "/proxies/t/toxics", "{\"type\":\"nope\"}"), 400, "invalid toxic type");
        assertError(call("POST", "/proxies/t/toxics", "{\"type\":\"bandwidth\"}"), 409, "toxic already exists");
        assertError(call("GET", "/proxies/t/toxics/nope", null), 404, "toxic not found");
    }

    @Test
    void inputsThatCrashTheReferenceServerAre400() throws Exception {
        create("g");
        assertThat(call("POST", "/proxies/g/toxics", "{\"type\":\"slicer\"}").statusCode()).isEqualTo(400);
        assertThat(call("POST", "/proxies/g/toxics", "{\"type\":\"slicer\",\"attributes\":{\"average_size\":-3}}").statusCode())
                .isEqualTo(400);
        assertThat(call("POST", "/proxies/g/toxics", "{\"type\":\"bandwidth\",\"attributes\":{\"rate\":-1}}").body())
                .as("Go escapes > in JSON").contains("rate must be \\u003e= 0, but was -1");
        call("POST", "/proxies/g/toxics", "{\"name\":\"ok\",\"type\":\"bandwidth\",\"attributes\":{\"rate\":5}}");
        assertThat(call("PATCH", "/proxies/g/toxics/ok", "{\"attributes\":{\"rate\":-5}}").statusCode()).isEqualTo(400);
        assertThat(call("GET", "/proxies/g/toxics/ok", null).body()).as("a refused update changes nothing")
                .contains("\"rate\":5");
    }

    @Test
    void toxicUpdateMergesAttributesAndIgnoresIdentity() throws Exception {
        create("u");
        call("POST", "/proxies/u/toxics", "{\"name\":\"s\",\"type\":\"slicer\",\"attributes\":{\"average_size\":10,\"delay\":7}}");
        HttpResponse<String> r = call("PATCH", "/proxies/u/toxics/s",
                "{\"name\":\"other\",\"type\":\"latency\",\"stream\":\"upstream\",\"toxicity\":0.1,\"attributes\":{\"size_variation\":2}}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"attributes\":{\"average_size\":10,\"size_variation\":2,\"delay\":7},"
                + "\"name\":\"s\",\"type\":\"slicer\",\"stream\":\"downstream\",\"toxicity\":0.1}");
        assertError(call("POST", "/proxies/u/toxics/s", ""), 400, "bad request body: EOF");
    }

    @Test
    void proxyUpdateIsPartialAndDeleteIs204() throws Exception {
        create("p");
        HttpResponse<String> r = call("PATCH", "/proxies/p", "{\"enabled\":false}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"enabled\":false").contains("\"upstream\":\"127.0.0.1:9\"");
        assertThat(call("POST", "/proxies/p", "{}").body()).contains("\"enabled\":false");
        assertError(call("POST", "/proxies/p", "{\"listen\":\"nonsense\"}"), 500, "address nonsense: missing port in address");
        assertError(call("POST", "/proxies/p", "{\"enabled\":\"yes\"}"), 400,
                "bad request body: json: cannot unmarshal string into Go struct field proxy.Proxy.enabled of type bool");

        RawHttp.Reply deleted = RawHttp.send(server.apiPort(), "DELETE /proxies/p HTTP/1.1\nHost: x\nConnection: close\n\n");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
    }

    @Test
    void postWithoutContentLengthAndAnyContentTypeIsAccepted() throws Exception {
        RawHttp.Reply reset = RawHttp.send(server.apiPort(), "POST /reset HTTP/1.1\nHost: x\nUser-Agent: Java/17\nConnection: close\n\n");
        assertThat(reset.status()).isEqualTo(204);

        RawHttp.Reply formLabelled = RawHttp.send(server.apiPort(), "POST /proxies HTTP/1.1\nHost: x\n"
                + "Content-type: application/x-www-form-urlencoded\nContent-Length: 52\nConnection: close\n\n"
                + "{\"name\":\"f\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"a:1\"}");
        assertThat(formLabelled.status()).isEqualTo(201);
    }

    @Test
    void routingQuirks() throws Exception {
        HttpResponse<String> slash = call("GET", "/proxies/", null);
        assertThat(slash.statusCode()).isEqualTo(404);
        assertThat(slash.body()).isEqualTo("404 page not found\n");
        assertThat(slash.headers().firstValue("X-Toxiproxy-Request-Id")).isEmpty();

        HttpResponse<String> wrongMethod = call("GET", "/reset", null);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).isEmpty();
        assertThat(call("PUT", "/proxies", "{}").statusCode()).isEqualTo(405);

        RawHttp.Reply browser = RawHttp.send(server.apiPort(),
                "GET /proxies HTTP/1.1\nHost: x\nUser-Agent: Mozilla/5.0 (X11)\nConnection: close\n\n");
        assertThat(browser.status()).isEqualTo(403);
        assertThat(browser.body()).isEqualTo("User agent not allowed\n");
        assertThat(browser.header("Content-Type")).isEqualTo(TEXT);
    }

    @Test
    void populateCreatesKeepsAndReplaces() throws Exception {
        HttpResponse<String> empty = call("POST", "/populate", "[]");
        assertThat(empty.statusCode()).isEqualTo(201);
        assertThat(empty.body()).isEqualTo("{\"proxies\":null}");

        int port = freePort();
        String listen = "127.0.0.1:" + port;
        call("POST", "/populate", "[{\"name\":\"k\",\"listen\":\"" + listen + "\",\"upstream\":\"a:1\"}]");
        call("POST", "/proxies/k/toxics", "{\"type\":\"latency\"}");

        HttpResponse<String> same = call("POST", "/populate",
                "[{\"name\":\"k\",\"listen\":\"localhost:" + port + "\",\"upstream\":\"a:1\",\"enabled\":false}]");
        assertThat(same.statusCode()).isEqualTo(201);
        assertThat(same.body()).as("same resolved listen and upstream: kept, toxics and enabled included")
                .contains("\"enabled\":true").contains("latency_downstream");

        HttpResponse<String> changed = call("POST", "/populate",
                "[{\"name\":\"k\",\"listen\":\"" + listen + "\",\"upstream\":\"b:2\"}]");
        assertThat(changed.body()).as("replaced by a fresh proxy").contains("\"upstream\":\"b:2\"").contains("\"toxics\":[]");

        HttpResponse<String> missing = call("POST", "/populate", "[{\"name\":\"m\",\"upstream\":\"a:1\"},{\"name\":\"n\"}]");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(missing.body()).isEqualTo("{\"error\":\"missing required field: upstream at proxy 2\",\"status\":400,\"proxies\":null}");
        assertThat(call("GET", "/proxies/m", null).statusCode()).as("nothing created on validation failure").isEqualTo(404);

        HttpResponse<String> failure = call("POST", "/populate",
                "[{\"name\":\"r1\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"a:1\"},{\"name\":\"r2\",\"listen\":\"bad\",\"upstream\":\"a:1\"}]");
        assertThat(failure.statusCode()).isEqualTo(500);
        assertThat(failure.body()).startsWith("{\"error\":\"listen tcp: address bad: missing port in address\",\"status\":500,\"proxies\":[{\"name\":\"r1\"");
    }

    @Test
    void jsonEscapingAndToxicityFormatFollowGo() throws Exception {
        HttpResponse<String> r = call("POST", "/proxies", "{\"name\":\"a<b>&c\",\"upstream\":\"x:1\",\"enabled\":false,\"name\":\"a<b>&c\"}");
        assertThat(r.body()).startsWith("{\"name\":\"a\\u003cb\\u003e\\u0026c\",\"listen\":\"\",");
        call("POST", "/proxies", "{\"name\":\"tox\",\"upstream\":\"x:1\",\"enabled\":false}");
        assertThat(call("POST", "/proxies/tox/toxics", "{\"type\":\"noop\",\"toxicity\":0.5}").body())
                .isEqualTo("{\"attributes\":{},\"name\":\"noop_downstream\",\"type\":\"noop\",\"stream\":\"downstream\",\"toxicity\":0.5}");
    }

    private void create(String name) throws Exception {
        assertThat(call("POST", "/proxies", "{\"name\":\"" + name + "\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:9\"}")
                .statusCode()).isEqualTo(201);
    }

    private static void assertError(HttpResponse<String> r, int status, String message) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).isEqualTo("{\"error\":\"" + message.replace(">", "\\u003e") + "\",\"status\":" + status + "}\n");
        assertThat(r.headers().firstValue("Content-Type")).hasValue(TEXT);
    }

    private static HttpResponse<String> call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.apiPort() + path));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

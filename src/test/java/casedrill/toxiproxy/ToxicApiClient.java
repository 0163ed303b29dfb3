package casedrill.toxiproxy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;

/**
 * One client of the Toxiproxy API as the toxic-call benchmark drives it: its round-trip floor ({@code GET /version},
 * no work on the server), adding the probe's latency toxic to a proxy and removing it again. Two of them are
 * measured side by side, so the server's share of a call can be told from the client's.
 */
interface ToxicApiClient {
    String TOXIC = "probe";

    /** For the report's rows. */
    String name();

    void version() throws IOException;

    void addLatency(long millis) throws IOException;

    void removeLatency() throws IOException;

    /** toxiproxy-java 2.1.11, as drills use it: HttpURLConnection and Gson per call. */
    static ToxicApiClient official(ToxiproxyClient client, Proxy proxy) {
        return new ToxicApiClient() {
            private Toxic added;

            @Override
            public String name() {
                return "toxiproxy-java 2.1.11";
            }

            @Override
            public void version() throws IOException {
                client.version();
            }

            @Override
            public void addLatency(long millis) throws IOException {
                added = proxy.toxics().latency(TOXIC, ToxicDirection.DOWNSTREAM, millis);
            }

            @Override
            public void removeLatency() throws IOException {
                added.remove();
            }
        };
    }
}

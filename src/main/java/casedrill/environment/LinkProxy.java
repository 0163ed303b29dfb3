package casedrill.environment;

/** The Toxiproxy server (API URL) and proxy that carry one link of the topology in the real deployment. */
public record LinkProxy(String link, String toxiproxyUrl, String proxy) {
}

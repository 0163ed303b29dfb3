package casedrill.stack;

/** Where the Toxiproxy proxy carrying one topology link is: the server's API and the proxy's name on it. */
public record ProxyAddress(HostPort api, String proxy) {
}

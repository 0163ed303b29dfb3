package casedrill.environment;

/**
 * The names of the environment variables holding the case service's API tokens (client, officer, partner) that
 * the load and the probes send through the edge. Like database credentials, the values are read only when a
 * drill starts and never written anywhere.
 */
public record ApiTokens(String clientEnv, String officerEnv, String partnerEnv) {
}

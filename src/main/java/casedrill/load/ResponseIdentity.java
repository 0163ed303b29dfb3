package casedrill.load;

/**
 * What one HTTP response says about who served it, read once by {@link IdentityCheck}: the status and the
 * headers naming the app node, the database system and its timeline (null when the service did not send them).
 */
public record ResponseIdentity(int status, String node, String systemId, String timeline) {}

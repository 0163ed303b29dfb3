package casedrill.failover;

import java.util.List;

/**
 * Where a runbook's steps reach the stack: node addresses and ports for placeholders, and how to log in to a
 * database node. A running stack provides it; tests give a small map.
 */
public interface RunbookHosts {
    /** The node's {@code address:port} for a named port; throws IllegalArgumentException for an unknown node or port. */
    String endpoint(String node, String port);

    /** The node's address (what {@code ${node.host}} expands to). */
    String address(String node);

    /** JDBC URL of a postgres node, or of a db-router's write port. */
    String jdbcUrl(String node);

    String dbUser();

    String dbPassword();

    /** Values that must never appear in a step's output excerpt. */
    List<String> secrets();
}

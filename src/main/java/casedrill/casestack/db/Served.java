package casedrill.casestack.db;

/** A result together with the database that committed (or read) it. */
public record Served<T>(T value, DatabaseIdentity database) {
}

package casedrill.casestack.web;

import casedrill.casestack.db.DatabaseIdentity;
import casedrill.casestack.db.Served;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Headers that name who served a response. Node and site are on every response
 * ({@link NodeHeadersFilter}); the database headers on every response that used the database, read
 * in the same transaction, so for a write they name the primary that committed it.
 */
public final class ServedHeaders {
    public static final String NODE = "X-Served-By-Node";
    public static final String SITE = "X-Served-By-Site";
    public static final String DB_SYSTEM_ID = "X-Db-System-Id";
    public static final String DB_TIMELINE = "X-Db-Timeline";

    private ServedHeaders() {
    }

    static <T> ResponseEntity<T> respond(HttpStatus status, Served<?> served, T body) {
        return builder(status, served.database()).body(body);
    }

    static ResponseEntity.BodyBuilder builder(HttpStatus status, DatabaseIdentity db) {
        return ResponseEntity.status(status)
                .header(DB_SYSTEM_ID, db.systemIdentifier())
                .header(DB_TIMELINE, Integer.toString(db.timeline()));
    }
}

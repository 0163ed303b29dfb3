package casedrill.casestack.db;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Makes the pool drop a connection that reached a read-only server (25006): after a switchover
 * that connection points at the demoted node for good, and a retry must get a fresh one through
 * the router. Hikari already evicts on connection errors (class 08, 57P01).
 */
public final class EvictOnFailoverErrors implements SQLExceptionOverride {
    @java.lang.Override
    public Override adjudicate(SQLException e) {
        return "25006".equals(e.getSQLState()) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}

/**
 * The reference case service: the system under drill, serving the HTTP contract in
 * API-CONTRACT.md. It knows nothing of the harness; the harness reaches it only over HTTP and SQL
 * (an architecture test enforces both directions).
 *
 * <h2>Beyond the contract</h2>
 * <ul>
 * <li>Tokens ({@code CASEDRILL_TOKEN_CLIENT}, {@code _OFFICER}, {@code _PARTNER}) must be at least
 * 16 characters and all different; a node refuses to start otherwise, naming the variable.</li>
 * <li>Case responses carry {@code ETag: "<version>"} (intake and decisions too). Bodies over 16 KiB
 * (or chunked) get 413. A 400 for invalid fields lists them in {@code errors[]} ({@code field},
 * {@code message}).</li>
 * <li>Decisions may carry an optional {@code Idempotency-Key}; a repeat with it answers 200 with
 * the case as it is, a different body with that key 422.</li>
 * <li>{@code X-Db-System-Id} and {@code X-Db-Timeline} are read on the transaction's own connection
 * just before commit (timeline from the current WAL file name on a primary, which is right at
 * once after a promotion), so for a write they name the primary that committed it. Error
 * responses (404, 409, 503) carry only the node and site headers.</li>
 * </ul>
 *
 * <h2>Riding through a switchover</h2>
 * A transient failure (SQLSTATE 25006 read-only, class 08 connection errors, 57P01/57P03, a pool
 * timeout) is retried with backoff from 50 ms up to 800 ms for {@code casedrill.db.retry-budget}
 * (default 10 s; the last attempt may overrun it by one socket timeout, 5 s), then answered 503
 * with {@code Retry-After: 1}; retries are counted in {@code casestack_db_retries_total}.
 * Reads are always safe to repeat. A repeated intake finds its row by its key. A decision has no
 * key in the contract; it is protected by If-Match instead: if an attempt's outcome is unknown
 * (the connection died around COMMIT) and the repeat finds the case one version further, moved
 * there by a request with byte-identical body (its SHA-256 is stored with the event), it was this
 * request: the answer is the case as it is now, never a second decision. A first attempt never
 * takes that shortcut, so a different client sending the same decision gets 409.
 *
 * <h2>Actuator</h2>
 * {@code /actuator/health} (liveness; readiness includes the database), {@code /actuator/prometheus}
 * and {@code /actuator/chaosmonkey} need no token: nodes bind loopback addresses only the harness
 * reaches, and the harness must be able to switch assaults even when tokens are what a drill
 * breaks. A node on a shared network would need this revisited. Chaos Monkey watches the REST
 * controllers only, so a latency assault delays each request once.
 */
package casedrill.casestack;

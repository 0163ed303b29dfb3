/**
 * The reference case service: the system under drill. It knows nothing of the harness; the
 * harness reaches it only over HTTP (an architecture test enforces both directions).
 *
 * <h2>API</h2>
 * All under {@code /api}, JSON, {@code Authorization: Bearer <token>} with one token per role
 * ({@code CASEDRILL_TOKEN_CLIENT}, {@code _OFFICER}, {@code _PARTNER}; at least 16 characters,
 * all different; a node refuses to start without them). 401 = no or unknown token, 403 = role not
 * allowed. Errors are {@code application/problem+json} with one sentence, never a stack trace.
 * <ul>
 * <li>{@code POST /api/cases} (client, officer): intake; {@code Idempotency-Key} required. 201 with
 * Location and ETag only after the commit; a repeat with the same key and body answers 201 with
 * the same case and {@code Idempotency-Replayed: true}; same key, different body: 422.</li>
 * <li>{@code GET /api/cases/{id}} (client, officer): status, ETag = version.
 * {@code GET /api/cases/{id}/events}: history (at most 500 events).</li>
 * <li>{@code POST /api/cases/{id}/decision} (officer): {@code If-Match: "<version>"} (428 without)
 * and {@code Idempotency-Key}; 409 if the case moved on or was decided.</li>
 * <li>{@code GET /api/cases?status=&page=&size=} (officer): newest first, size ≤ 100,
 * {@code hasMore} instead of a total count.</li>
 * <li>{@code GET /api/screening?passportNumber=&nationality=} (partner, officer): at most 20
 * matches with {@code truncated}; served by an index on (passport_number, nationality).</li>
 * </ul>
 * Every response carries {@code Casedrill-Node} and {@code Casedrill-Site}; every response that
 * used the database also {@code Casedrill-Db-System-Id} and {@code Casedrill-Db-Timeline}, read on
 * the transaction's own connection just before commit, so for a write they name the primary
 * that committed it. Bodies over 16 KiB (or chunked) get 413.
 *
 * <h2>Riding through a switchover</h2>
 * Every write carries an idempotency key, so every operation is safe to repeat: a transient
 * failure (SQLSTATE 25006 read-only, class 08 connection errors, 57P01/57P03, a pool timeout) is
 * retried with backoff from 50 ms up to 800 ms for {@code casedrill.db.retry-budget} (default
 * 10 s; the last attempt may overrun it by one socket timeout), then answered 503 with
 * {@code Retry-After: 1}. A repeated intake finds its row by key ({@code ON CONFLICT DO NOTHING}
 * then a read). A decision whose commit succeeded but whose answer was lost (socket timeout
 * during COMMIT, connection cut) is repeated with the same If-Match and key: its update then
 * matches no row, and the event stored with its key shows it was this request's own earlier
 * commit, so the answer is the case as it is now rather than 409 or a second decision; a
 * different request at that version gets 409. Nothing is retried without a key.
 *
 * <h2>Actuator</h2>
 * {@code /actuator/health} (liveness; readiness includes the database), {@code /actuator/prometheus}
 * (including {@code casestack_db_retries_total}) and {@code /actuator/chaosmonkey} need no token:
 * nodes bind loopback addresses that only the harness reaches, and the harness must be able to
 * switch assaults even when the API tokens are what a drill is breaking. A node on a shared
 * network would need this revisited.
 */
package casedrill.casestack;

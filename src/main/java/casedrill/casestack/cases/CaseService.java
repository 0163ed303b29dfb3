package casedrill.casestack.cases;

import casedrill.casestack.auth.Role;
import casedrill.casestack.db.DatabaseWork;
import casedrill.casestack.db.Served;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Service;

/**
 * The case operations. Each runs through {@link DatabaseWork}, which repeats it after a dropped
 * connection or a read-only database; each is written so that a repeat never applies twice.
 */
@Service
public class CaseService {
    static final int MAX_EVENTS = 500;
    public static final int SCREENING_LIMIT = 50;

    private final CaseRepository cases;
    private final DatabaseWork db;

    public CaseService(CaseRepository cases, DatabaseWork db) {
        this.cases = cases;
        this.db = db;
    }

    /** The result of an intake: the case, and whether an earlier request with the key created it. */
    public record Intake(ImmigrationCase value, boolean replayed) {
    }

    /** A repeated intake finds its row by key; the same key with another body is refused. */
    public Served<Intake> intake(IntakeRequest request, String idempotencyKey, String bodySha256, Role actor) {
        return db.idempotent(() -> {
            var inserted = cases.insertIfNewKey(UUID.randomUUID(), request, idempotencyKey, bodySha256);
            if (inserted.isPresent()) {
                cases.appendEvent(inserted.get(), "RECEIVED", actor, null, idempotencyKey, bodySha256);
                return new Intake(inserted.get(), false);
            }
            // ON CONFLICT waited for the other transaction, and this statement sees its commit.
            var earlier = cases.findByIdempotencyKey(idempotencyKey)
                    .orElseThrow(() -> new IllegalStateException("idempotency key conflict without a row"));
            if (!earlier.sha256().equals(bodySha256)) {
                throw new IdempotencyKeyReusedException(idempotencyKey);
            }
            return new Intake(earlier.value(), true);
        });
    }

    public Served<ImmigrationCase> find(UUID id) {
        return db.idempotent(() -> cases.find(id).orElseThrow(() -> new CaseNotFoundException(id)));
    }

    public Served<List<CaseEvent>> history(UUID id) {
        return db.idempotent(() -> {
            cases.find(id).orElseThrow(() -> new CaseNotFoundException(id));
            return cases.events(id, MAX_EVENTS);
        });
    }

    /**
     * Decides a case if it is still at {@code expectedVersion} (If-Match). A decision carries no
     * idempotency key in the contract, so a repeat must recognise its own commit: when the first
     * attempt's outcome is unknown (connection lost around COMMIT) and the repeat finds the case
     * one version further, moved there by a request with this very body, that was this request;
     * it answers with the case as it is, never deciding twice. A first attempt never takes that
     * shortcut, so a second client sending the same decision still gets 409. With an optional
     * Idempotency-Key, a client's own repeat is recognised the same way across requests.
     */
    public Served<ImmigrationCase> decide(UUID id, int expectedVersion, DecisionRequest decision,
            String idempotencyKey, String bodySha256, Role actor) {
        AtomicInteger attempt = new AtomicInteger();
        String detail = decision.outcome() + " by " + decision.officer() + ": " + decision.reason();
        return db.idempotent(() -> {
            boolean repeat = attempt.incrementAndGet() > 1;
            var decided = cases.decide(id, expectedVersion, decision.outcome());
            if (decided.isPresent()) {
                cases.appendEvent(decided.get(), "DECISION", actor, detail, idempotencyKey, bodySha256);
                return decided.get();
            }
            ImmigrationCase current = cases.find(id).orElseThrow(() -> new CaseNotFoundException(id));
            if (idempotencyKey != null) {
                var earlier = cases.shaOfKey(id, idempotencyKey);
                if (earlier.isPresent() && !earlier.get().equals(bodySha256)) {
                    throw new IdempotencyKeyReusedException(idempotencyKey);
                }
                if (earlier.isPresent()) {
                    return current;
                }
            }
            if (repeat && cases.shaOfVersion(id, expectedVersion + 1).filter(bodySha256::equals).isPresent()) {
                return current;
            }
            throw new VersionConflictException(current.version() != expectedVersion
                    ? "Case " + id + " is at version " + current.version() + ", not " + expectedVersion + "."
                    : "Case " + id + " was already decided (" + current.status() + ").", current.version());
        });
    }

    public Served<Page<ImmigrationCase>> list(CaseStatus status, CaseType type, int page, int size) {
        return db.idempotent(() -> {
            List<ImmigrationCase> rows = cases.list(status, type, page * size, size + 1);
            boolean more = rows.size() > size;
            return new Page<>(more ? rows.subList(0, size) : rows, page, size, more);
        });
    }

    public Served<ScreeningResult> screen(String surname, LocalDate birthDate) {
        return db.idempotent(() -> {
            List<ScreeningMatch> rows = cases.screen(surname, birthDate, SCREENING_LIMIT + 1);
            boolean truncated = rows.size() > SCREENING_LIMIT;
            return new ScreeningResult(truncated ? rows.subList(0, SCREENING_LIMIT) : rows, truncated);
        });
    }
}

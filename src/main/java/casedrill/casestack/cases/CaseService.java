package casedrill.casestack.cases;

import casedrill.casestack.auth.Role;
import casedrill.casestack.db.DatabaseWork;
import casedrill.casestack.db.Served;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The case operations. Every write carries an idempotency key, so every operation here is safe
 * to repeat after a dropped connection or a read-only database ({@link DatabaseWork} retries):
 * a repeated intake finds its row by key, a repeated decision finds its own event by key.
 */
@Service
public class CaseService {
    static final int MAX_EVENTS = 500;
    static final int SCREENING_LIMIT = 20;

    private final CaseRepository cases;
    private final DatabaseWork db;

    public CaseService(CaseRepository cases, DatabaseWork db) {
        this.cases = cases;
        this.db = db;
    }

    /** The result of an intake: the case, and whether an earlier request with the key created it. */
    public record Intake(ImmigrationCase value, boolean replayed) {
    }

    public Served<Intake> intake(IntakeRequest request, String idempotencyKey, Role actor) {
        String fingerprint = request.fingerprint();
        return db.idempotent(() -> {
            var inserted = cases.insertIfNewKey(UUID.randomUUID(), request, idempotencyKey, fingerprint);
            if (inserted.isPresent()) {
                cases.appendEvent(inserted.get(), actor, null, idempotencyKey, fingerprint);
                return new Intake(inserted.get(), false);
            }
            // ON CONFLICT waited for the other transaction, and this statement sees its commit.
            var earlier = cases.findByIdempotencyKey(idempotencyKey)
                    .orElseThrow(() -> new IllegalStateException("idempotency key conflict without a row"));
            if (!earlier.fingerprint().equals(fingerprint)) {
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
     * Decides a case if it is still at {@code expectedVersion}. If the update matches nothing, the
     * key tells a repeat of this very decision (whose first attempt committed but whose answer was
     * lost) from a conflicting one: the repeat answers with the case as it is now, never applying
     * twice; anything else is a 409.
     */
    public Served<ImmigrationCase> decide(UUID id, int expectedVersion, DecisionRequest decision, String idempotencyKey,
            Role actor) {
        String fingerprint = decision.fingerprint();
        return db.idempotent(() -> {
            var decided = cases.decide(id, expectedVersion, decision);
            if (decided.isPresent()) {
                cases.appendEvent(decided.get(), actor, decision.reason(), idempotencyKey, fingerprint);
                return decided.get();
            }
            ImmigrationCase current = cases.find(id).orElseThrow(() -> new CaseNotFoundException(id));
            var earlier = cases.eventFingerprint(id, idempotencyKey);
            if (earlier.isPresent()) {
                if (!earlier.get().equals(fingerprint)) {
                    throw new IdempotencyKeyReusedException(idempotencyKey);
                }
                return current;
            }
            throw new VersionConflictException(current.status() == CaseStatus.RECEIVED
                    ? "Case " + id + " is at version " + current.version() + ", not " + expectedVersion + "."
                    : "Case " + id + " was already decided (" + current.status() + ").", current.version());
        });
    }

    public Served<Page<ImmigrationCase>> list(CaseStatus status, int page, int size) {
        return db.idempotent(() -> {
            List<ImmigrationCase> rows = cases.list(status, page * size, size + 1);
            boolean more = rows.size() > size;
            return new Page<>(more ? rows.subList(0, size) : rows, page, size, more);
        });
    }

    public Served<ScreeningResult> screen(String passportNumber, String nationality) {
        return db.idempotent(() -> {
            List<ScreeningMatch> rows = cases.screen(passportNumber, nationality, SCREENING_LIMIT + 1);
            boolean truncated = rows.size() > SCREENING_LIMIT;
            return new ScreeningResult(truncated ? rows.subList(0, SCREENING_LIMIT) : rows, SCREENING_LIMIT, truncated);
        });
    }
}

package casedrill.casestack.cases;

import casedrill.casestack.auth.Role;
import java.time.OffsetDateTime;

/** One entry of a case's history. */
public record CaseEvent(long sequence, CaseStatus type, int caseVersion, Role actorRole, String detail,
        OffsetDateTime occurredAt) {
}

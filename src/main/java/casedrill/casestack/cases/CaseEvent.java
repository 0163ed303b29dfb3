package casedrill.casestack.cases;

import java.time.OffsetDateTime;

/** One entry of a case's history: {@code RECEIVED} or {@code DECISION}. */
public record CaseEvent(String type, OffsetDateTime at, String detail) {
}

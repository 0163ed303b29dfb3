package casedrill.casestack.cases;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What a partner agency may see of a case that matches a travel document. */
public record ScreeningMatch(UUID caseId, String applicantName, CaseType caseType, CaseStatus status,
        OffsetDateTime createdAt) {
}

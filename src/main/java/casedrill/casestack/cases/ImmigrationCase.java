package casedrill.casestack.cases;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A case as the API returns it; {@code version} is also its ETag. */
public record ImmigrationCase(UUID id, CaseType type, CaseStatus status, int version, Applicant applicant,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}

package casedrill.casestack.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A case as the API returns it; {@code version} is also its ETag. */
public record ImmigrationCase(
        UUID id,
        String applicantName,
        LocalDate dateOfBirth,
        String nationality,
        String passportNumber,
        CaseType caseType,
        CaseStatus status,
        String decisionReason,
        int version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}

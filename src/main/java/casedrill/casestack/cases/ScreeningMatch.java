package casedrill.casestack.cases;

import java.time.LocalDate;
import java.util.UUID;

/** What a partner agency sees of a case that matches its query. */
public record ScreeningMatch(UUID caseId, String surname, String givenNames, LocalDate birthDate, String nationality,
        CaseType type, CaseStatus status) {
}

package casedrill.casestack.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** A new application as the client portal submits it. */
public record IntakeRequest(@NotNull CaseType type, @NotNull @Valid Applicant applicant) {
}

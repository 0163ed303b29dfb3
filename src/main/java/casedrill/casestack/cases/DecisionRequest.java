package casedrill.casestack.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An officer's decision on a case. */
public record DecisionRequest(
        @NotNull Outcome outcome,
        @NotBlank @Size(max = 100) String officer,
        @NotBlank @Size(max = 500) String reason) {
}

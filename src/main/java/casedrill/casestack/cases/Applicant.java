package casedrill.casestack.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The person a case is about. */
public record Applicant(
        @NotBlank @Size(max = 100) String surname,
        @NotBlank @Size(max = 200) String givenNames,
        @NotNull @Past LocalDate birthDate,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 3166 alpha-3 code such as FRA")
        String nationality) {
}

package casedrill.casestack.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A new application as the client portal submits it. */
public record IntakeRequest(
        @NotBlank @Size(max = 200) String applicantName,
        @NotNull @Past LocalDate dateOfBirth,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 3166 alpha-3 code such as NLD") String nationality,
        @NotNull @Pattern(regexp = "[A-Z0-9]{6,12}", message = "must be 6 to 12 capital letters or digits") String passportNumber,
        @NotNull CaseType caseType) {

    /** Fingerprint of the payload, so a reused idempotency key with a different body is caught. */
    String fingerprint() {
        return RequestFingerprint.of(applicantName, dateOfBirth.toString(), nationality, passportNumber, caseType.name());
    }
}

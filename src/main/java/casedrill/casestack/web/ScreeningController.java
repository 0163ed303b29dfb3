package casedrill.casestack.web;

import casedrill.casestack.auth.RequiresRole;
import casedrill.casestack.auth.Role;
import casedrill.casestack.cases.CaseService;
import casedrill.casestack.cases.ScreeningResult;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Partner agencies check a person against the case register. */
@RestController
public class ScreeningController {
    private static final int MAX_SURNAME = 100;

    private final CaseService service;

    public ScreeningController(CaseService service) {
        this.service = service;
    }

    @GetMapping(path = "/api/screening", produces = MediaType.APPLICATION_JSON_VALUE)
    @RequiresRole(Role.PARTNER)
    public ResponseEntity<ScreeningResult> screen(@RequestParam(required = false) String surname,
            @RequestParam(required = false) String birthDate) {
        if (surname == null || surname.isBlank() || surname.length() > MAX_SURNAME) {
            throw new BadRequestException("surname is required (1 to " + MAX_SURNAME + " characters).");
        }
        var served = service.screen(surname, date(birthDate));
        return ServedHeaders.respond(HttpStatus.OK, served, served.value());
    }

    private static LocalDate date(String birthDate) {
        if (birthDate == null) {
            throw new BadRequestException("birthDate is required (YYYY-MM-DD).");
        }
        try {
            return LocalDate.parse(birthDate);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("birthDate must be YYYY-MM-DD, but was '" + birthDate + "'.");
        }
    }
}

package casedrill.casestack.web;

import casedrill.casestack.auth.RequiresRole;
import casedrill.casestack.auth.Role;
import casedrill.casestack.cases.CaseService;
import casedrill.casestack.cases.ScreeningResult;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Partner agencies check a travel document against the case register. */
@RestController
public class ScreeningController {
    private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{6,12}");
    private static final Pattern NATIONALITY = Pattern.compile("[A-Z]{3}");

    private final CaseService service;

    public ScreeningController(CaseService service) {
        this.service = service;
    }

    @GetMapping(path = "/api/screening", produces = MediaType.APPLICATION_JSON_VALUE)
    @RequiresRole({Role.PARTNER, Role.OFFICER})
    public ResponseEntity<ScreeningResult> screen(@RequestParam(required = false) String passportNumber,
            @RequestParam(required = false) String nationality) {
        if (passportNumber == null || !PASSPORT.matcher(passportNumber).matches()) {
            throw new BadRequestException("passportNumber must be 6 to 12 capital letters or digits.");
        }
        if (nationality == null || !NATIONALITY.matcher(nationality).matches()) {
            throw new BadRequestException("nationality must be an ISO 3166 alpha-3 code such as NLD.");
        }
        var served = service.screen(passportNumber, nationality);
        return ServedHeaders.respond(HttpStatus.OK, served, served.value());
    }
}

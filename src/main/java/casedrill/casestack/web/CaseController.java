package casedrill.casestack.web;

import casedrill.casestack.auth.RequiresRole;
import casedrill.casestack.auth.Role;
import casedrill.casestack.auth.TokenInterceptor;
import casedrill.casestack.cases.CaseEvent;
import casedrill.casestack.cases.CaseService;
import casedrill.casestack.cases.CaseStatus;
import casedrill.casestack.cases.CaseType;
import casedrill.casestack.cases.DecisionRequest;
import casedrill.casestack.cases.ImmigrationCase;
import casedrill.casestack.cases.IntakeRequest;
import casedrill.casestack.cases.Page;
import casedrill.casestack.cases.RequestFingerprint;
import casedrill.casestack.db.Served;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Intake, status, history, listing and decisions (API-CONTRACT.md). */
@RestController
@RequestMapping(path = "/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
public class CaseController {
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_PAGE = 10_000;

    private final CaseService service;
    private final JsonBodies bodies;

    public CaseController(CaseService service, JsonBodies bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    /** 201 only after the commit; a repeat with the same key and body answers 200 with the same case. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresRole({Role.CLIENT, Role.OFFICER})
    public ResponseEntity<ImmigrationCase> intake(@RequestBody byte[] body,
            @RequestHeader(name = RequestHeaders.IDEMPOTENCY_KEY, required = false) String key,
            @RequestAttribute(TokenInterceptor.ROLE_ATTRIBUTE) Role role) {
        String idempotencyKey = RequestHeaders.idempotencyKey(key);
        IntakeRequest request = bodies.read(body, IntakeRequest.class);
        var served = service.intake(request, idempotencyKey, RequestFingerprint.of(body), role);
        ImmigrationCase created = served.value().value();
        var response = ServedHeaders.builder(served.value().replayed() ? HttpStatus.OK : HttpStatus.CREATED,
                        served.database())
                .location(URI.create("/api/cases/" + created.id()))
                .eTag(RequestHeaders.etag(created.version()));
        if (served.value().replayed()) {
            response.header(RequestHeaders.REPLAYED, "true");
        }
        return response.body(created);
    }

    @GetMapping("/{id}")
    @RequiresRole({Role.CLIENT, Role.OFFICER})
    public ResponseEntity<ImmigrationCase> status(@PathVariable UUID id) {
        return withEtag(service.find(id));
    }

    @GetMapping("/{id}/events")
    @RequiresRole({Role.CLIENT, Role.OFFICER})
    public ResponseEntity<List<CaseEvent>> history(@PathVariable UUID id) {
        Served<List<CaseEvent>> served = service.history(id);
        return ServedHeaders.respond(HttpStatus.OK, served, served.value());
    }

    @PostMapping(path = "/{id}/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresRole(Role.OFFICER)
    public ResponseEntity<ImmigrationCase> decide(@PathVariable UUID id, @RequestBody byte[] body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = RequestHeaders.IDEMPOTENCY_KEY, required = false) String key,
            @RequestAttribute(TokenInterceptor.ROLE_ATTRIBUTE) Role role) {
        int expected = RequestHeaders.expectedVersion(ifMatch);
        String idempotencyKey = RequestHeaders.optionalIdempotencyKey(key);
        DecisionRequest decision = bodies.read(body, DecisionRequest.class);
        return withEtag(service.decide(id, expected, decision, idempotencyKey, RequestFingerprint.of(body), role));
    }

    @GetMapping
    @RequiresRole({Role.CLIENT, Role.OFFICER})
    public ResponseEntity<Page<ImmigrationCase>> list(@RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) CaseType type,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > MAX_PAGE) {
            throw new BadRequestException("page must be between 0 and " + MAX_PAGE + ", but was " + page + ".");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequestException("size must be between 1 and " + MAX_PAGE_SIZE + ", but was " + size + ".");
        }
        var served = service.list(status, type, page, size);
        return ServedHeaders.respond(HttpStatus.OK, served, served.value());
    }

    private static ResponseEntity<ImmigrationCase> withEtag(Served<ImmigrationCase> served) {
        return ServedHeaders.builder(HttpStatus.OK, served.database())
                .eTag(RequestHeaders.etag(served.value().version()))
                .body(served.value());
    }
}

package casedrill.casestack.web;

import casedrill.casestack.auth.ForbiddenException;
import casedrill.casestack.auth.NotAuthenticatedException;
import casedrill.casestack.cases.CaseNotFoundException;
import casedrill.casestack.cases.IdempotencyKeyReusedException;
import casedrill.casestack.cases.VersionConflictException;
import casedrill.casestack.db.DatabaseUnavailableException;
import casedrill.casestack.db.TransientDatabaseFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error leaves as application/problem+json with one sentence; stack traces stay in the
 * server log. Spring's own MVC errors (bad JSON, wrong types, unsupported media) come from the
 * superclass as problem details too.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(NotAuthenticatedException.class)
    ResponseEntity<ProblemDetail> unauthenticated(NotAuthenticatedException e) {
        return problem(HttpStatus.UNAUTHORIZED, e.getMessage(), HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<ProblemDetail> badRequest(BadRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(CaseNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(CaseNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(VersionConflictException.class)
    ResponseEntity<ProblemDetail> conflict(VersionConflictException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), HttpHeaders.ETAG, "\"" + e.currentVersion() + "\"");
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ResponseEntity<ProblemDetail> preconditionRequired(PreconditionRequiredException e) {
        return problem(HttpStatus.PRECONDITION_REQUIRED, e.getMessage());
    }

    @ExceptionHandler(DatabaseUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(DatabaseUnavailableException e) {
        LOG.warn("answering 503: {} (last failure: {})", e.getMessage(), TransientDatabaseFailure.describe(e.getCause()));
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "The case database is unavailable; retry later.",
                HttpHeaders.RETRY_AFTER, "1");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        LOG.error("request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The request failed inside the case service.");
    }

    @ExceptionHandler(InvalidBodyException.class)
    ResponseEntity<ProblemDetail> invalidBody(InvalidBodyException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        body.setProperty("errors", e.errors());
        return ResponseEntity.badRequest().body(body);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String... headerPairs) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        for (int i = 0; i < headerPairs.length; i += 2) {
            response.header(headerPairs[i], headerPairs[i + 1]);
        }
        return response.body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}

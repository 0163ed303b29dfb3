package casedrill.casestack;

import casedrill.casestack.auth.Role;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the case API in tests; every call has a timeout. */
final class ApiClient {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiClient(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    HttpResponse<String> get(String path, Role role) {
        return send(request(path, role).GET().build());
    }

    HttpResponse<String> post(String path, Role role, String json, String... headers) {
        HttpRequest.Builder b = request(path, role).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request to " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling " + request.uri(), e);
        }
    }

    HttpRequest.Builder request(String path, Role role) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
        if (role != null) {
            b.header("Authorization", "Bearer " + RunningCaseService.token(role));
        }
        return b;
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** A valid intake body for an applicant with this surname and birth date (YYYY-MM-DD). */
    static String intakeBody(String surname, String birthDate) {
        return """
                {"type":"WORK_PERMIT","applicant":{"surname":"%s","givenNames":"Ana Maria",\
                "birthDate":"%s","nationality":"FRA"}}""".formatted(surname, birthDate);
    }

    static String decisionBody(String outcome, String officer) {
        return "{\"outcome\":\"" + outcome + "\",\"officer\":\"" + officer + "\",\"reason\":\"checked\"}";
    }
}

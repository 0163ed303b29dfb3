package casedrill.failover;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A {@code http} step: one request; ok when the status (and body, if asked) is as expected. */
final class HttpCall implements StepAction {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final RunbookHosts hosts;

    HttpCall(RunbookHosts hosts) {
        this.hosts = hosts;
    }

    @Override
    public StepResult run(RunbookStep step, Duration timeout) throws InterruptedException {
        RunbookStep.HttpCheck check = step.http().orElseThrow(() -> new IllegalArgumentException("step '" + step.name() + "' has no http check"));
        return call(check, timeout);
    }

    StepResult call(RunbookStep.HttpCheck check, Duration timeout) throws InterruptedException {
        String url = Placeholders.expand(check.url(), hosts);
        String body = Placeholders.expand(check.body(), hosts);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json")
                .method(check.method(), body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return StepResult.failed(check.method() + " " + url + ": no response (" + e + ")");
        }
        String seen = check.method() + " " + url + " -> " + response.statusCode() + " " + response.body();
        String expectBody = Placeholders.expand(check.expectBody(), hosts);
        if (response.statusCode() != check.expectStatus()) {
            return StepResult.failed(seen + " (expected status " + check.expectStatus() + ")");
        }
        if (!expectBody.isEmpty() && !response.body().contains(expectBody)) {
            return StepResult.failed(seen + " (expected the body to contain '" + expectBody + "')");
        }
        return StepResult.ok(seen);
    }
}

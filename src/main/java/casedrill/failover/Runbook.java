package casedrill.failover;

import java.nio.file.Path;
import java.util.List;

/** A failover procedure from failover/*.yaml: ordered steps, each timed when it runs. */
public record Runbook(String id, String title, String description, Path source, List<RunbookStep> steps) {
    public Runbook {
        steps = List.copyOf(steps);
    }
}

package casedrill.report;

import java.util.List;

/**
 * One entry of a drill's planned timeline; {@code atMs}/{@code untilMs} are offsets from the start of load.
 * The drill's plan makes these and the result records them (result.json's {@code plan}), so the value
 * lives here, below the runner.
 */
public record PlanStep(long atMs, Long untilMs, String phase, String what, List<String> nodes, List<String> links,
                       String note) {
}

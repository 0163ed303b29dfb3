package casedrill.casestack.cases;

import java.util.List;

/** Matches for one travel document, at most {@code limit}; {@code truncated} says more exist. */
public record ScreeningResult(List<ScreeningMatch> matches, int limit, boolean truncated) {
}

package casedrill.casestack.cases;

import java.util.List;

/** Matches for one query, at most {@link CaseService#SCREENING_LIMIT}; {@code truncated} says more exist. */
public record ScreeningResult(List<ScreeningMatch> matches, boolean truncated) {
}

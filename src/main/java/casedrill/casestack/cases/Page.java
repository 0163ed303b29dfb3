package casedrill.casestack.cases;

import java.util.List;

/** One page of a listing; {@code hasMore} avoids counting the whole table. */
public record Page<T>(List<T> items, int page, int size, boolean hasMore) {
}

package casedrill.load;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded, lock-free ring of case ids the workload created, for status look-ups and decisions (which need
 * existing cases). Newer ids overwrite the oldest; readers pick at random. Never blocks.
 */
public final class CaseIdPool {
    private final AtomicReferenceArray<String> ring;
    private final AtomicLong added = new AtomicLong();

    public CaseIdPool(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("case id pool capacity must be >= 1, but was " + capacity);
        }
        ring = new AtomicReferenceArray<>(capacity);
    }

    public void add(String caseId) {
        if (caseId != null) {
            ring.set((int) (added.getAndIncrement() % ring.length()), caseId);
        }
    }

    /** A random known id, or null while none has been created yet. */
    public String any() {
        long n = Math.min(added.get(), ring.length());
        return n == 0 ? null : ring.get(ThreadLocalRandom.current().nextInt((int) n));
    }

    public long added() {
        return added.get();
    }
}

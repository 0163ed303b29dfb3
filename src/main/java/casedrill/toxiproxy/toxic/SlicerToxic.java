package casedrill.toxiproxy.toxic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Splits each chunk recursively in about halves until pieces are at most
 * {@code average_size + size_variation} bytes, sleeping {@code delay} µs after each piece.
 */
public record SlicerToxic(long averageSize, long sizeVariation, long delay) implements Toxic {
    public static final ToxicType TYPE = new ToxicType("slicer", "SlicerToxic", a -> {
        long average = a.get("average_size");
        long variation = a.get("size_variation");
        // The reference server recurses forever on these values; refuse them instead.
        if (average <= 0) {
            throw new IllegalArgumentException("slicer average_size must be > 0, but was " + average);
        }
        if (variation < 0 || variation > average) {
            throw new IllegalArgumentException(
                    "slicer size_variation must be between 0 and average_size (" + average + "), but was " + variation);
        }
        return new SlicerToxic(average, variation, a.get("delay"));
    }, "average_size", "size_variation", "delay");

    @Override
    public void pipe(Chunk chunk, Stub stub) {
        List<Integer> bounds = new ArrayList<>();
        bounds.add(0);
        split(0, chunk.length(), bounds, stub.random());
        for (int i = 1; i < bounds.size(); i++) {
            stub.emit(bounds.get(i) - bounds.get(i - 1));
            if (delay > 0) {
                stub.sleepNanos(TimeUnit.MICROSECONDS.toNanos(delay));
            }
        }
    }

    private void split(int start, int end, List<Integer> bounds, RandomGenerator random) {
        if ((end - start) - averageSize <= sizeVariation) {
            bounds.add(end);
            return;
        }
        int mid = start + (end - start) / 2;
        if (sizeVariation > 0) {
            mid += (int) (random.nextLong(sizeVariation * 2) - sizeVariation);
        }
        split(start, mid, bounds, random);
        split(mid, end, bounds, random);
    }

    @Override
    public Map<String, Long> attributes() {
        Map<String, Long> a = new LinkedHashMap<>();
        a.put("average_size", averageSize);
        a.put("size_variation", sizeVariation);
        a.put("delay", delay);
        return a;
    }
}

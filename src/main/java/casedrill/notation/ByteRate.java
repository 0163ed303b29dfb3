package casedrill.notation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A bandwidth, written {@code 512KB/s}; 1 KB = 1000 bytes, as Toxiproxy counts. */
public record ByteRate(long bytesPerSecond) {
    private static final Pattern FORMAT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(B|KB|MB)/s");

    public ByteRate {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("must not be negative, but was " + bytesPerSecond + "B/s");
        }
    }

    public static ByteRate parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("must be a byte rate such as 512KB/s or 2MB/s, but was '" + text + "'");
        }
        double n = Double.parseDouble(m.group(1));
        long unit = switch (m.group(2)) {
            case "B" -> 1L;
            case "KB" -> 1_000L;
            default -> 1_000_000L;
        };
        if (n * unit > 10_000_000_000d) {
            throw new IllegalArgumentException("must be at most 10000MB/s, but was '" + text + "'");
        }
        long bytes = Math.round(n * unit);
        if (bytes > 0 && bytes < 1_000) {
            throw new IllegalArgumentException("must be at least 1KB/s (Toxiproxy counts whole KB/s, so '" + text
                    + "' would stall the link; write 0KB/s if a stall is meant)");
        }
        return new ByteRate(bytes);
    }

    /** Toxiproxy's bandwidth toxic takes whole KB/s; a rate below 1 KB/s rounds down to a stall. */
    public long kilobytesPerSecond() {
        return bytesPerSecond / 1_000;
    }

    @Override
    public String toString() {
        return bytesPerSecond % 1_000_000 == 0 && bytesPerSecond > 0 ? bytesPerSecond / 1_000_000 + "MB/s"
                : bytesPerSecond % 1_000 == 0 && bytesPerSecond > 0 ? bytesPerSecond / 1_000 + "KB/s" : bytesPerSecond + "B/s";
    }
}

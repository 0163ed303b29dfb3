package casedrill.notation;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The duration notation of scenario files: a number and one unit (us, ms, s, m, h). */
public final class Durations {
    private static final Pattern FORMAT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(us|ms|s|m|h)");
    /** Nothing in a drill lasts longer than a week; bigger numbers are typos. */
    public static final Duration MAX = Duration.ofDays(7);

    private Durations() {
    }

    /** Parses strictly; the message says what was wrong with {@code text}. */
    public static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            if (text.startsWith("-")) {
                throw new IllegalArgumentException("must not be negative, but was '" + text + "'");
            }
            throw new IllegalArgumentException("must be a duration such as 250ms, 40s, 2m or 1h, but was '" + text + "'");
        }
        BigDecimal nanosPerUnit = BigDecimal.valueOf(switch (m.group(2)) {
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
        });
        BigDecimal nanos = new BigDecimal(m.group(1)).multiply(nanosPerUnit);
        if (nanos.compareTo(BigDecimal.valueOf(MAX.toNanos())) > 0) {
            throw new IllegalArgumentException("must be at most 7 days, but was '" + text + "'");
        }
        return Duration.ofNanos(nanos.longValue());
    }

    /** Shortest exact rendering in the same notation: 90s → "90s", 1500ms → "1.5s", 120s → "2m". */
    public static String format(Duration d) {
        long nanos = d.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        if (nanos % 3_600_000_000_000L == 0) {
            return nanos / 3_600_000_000_000L + "h";
        }
        if (nanos % 60_000_000_000L == 0 && nanos >= 600_000_000_000L) {
            return nanos / 60_000_000_000L + "m";
        }
        if (nanos >= 1_000_000_000L && nanos % 1_000_000L == 0) {
            return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString() + "s";
        }
        if (nanos % 1_000L == 0 && nanos % 1_000_000L != 0) {
            return nanos / 1_000L + "us";
        }
        return BigDecimal.valueOf(nanos, 6).stripTrailingZeros().toPlainString() + "ms";
    }

    /** A measured duration as checkers, reports and the live line print it: seconds with two decimals ("5.10 s"). */
    public static String seconds(long ms) {
        return seconds(ms / 1000.0);
    }

    /** As {@link #seconds(long)}, from seconds. */
    public static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f s", s);
    }
}

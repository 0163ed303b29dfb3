package casedrill.notation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A request rate, written {@code 40/s} or {@code 600/m}. */
public record Rate(double perSecond) {
    private static final Pattern FORMAT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)/(s|m)");
    /** Above this the open model overflows the socket count on these machines (platform-notes.md). */
    public static final double MAX_PER_SECOND = 5000;

    public Rate {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("must be more than 0/s, but was " + perSecond + "/s");
        }
        if (perSecond > MAX_PER_SECOND) {
            throw new IllegalArgumentException("must be at most " + (long) MAX_PER_SECOND + "/s, but was " + perSecond + "/s");
        }
    }

    public static Rate parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("must be a rate such as 40/s or 600/m, but was '" + text + "'");
        }
        double n = Double.parseDouble(m.group(1));
        if (n == 0) {
            throw new IllegalArgumentException("must be more than 0/s, but was '" + text + "'");
        }
        double perSecond = m.group(2).equals("m") ? n / 60.0 : n;
        if (perSecond > MAX_PER_SECOND) {
            throw new IllegalArgumentException("must be at most " + (long) MAX_PER_SECOND + "/s, but was '" + text + "'");
        }
        return new Rate(perSecond);
    }

    @Override
    public String toString() {
        return (perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond) : String.format("%.2f", perSecond)) + "/s";
    }
}

package casedrill.notation;

import java.util.Locale;
import java.util.regex.Pattern;

/** A percentage from 0 to 100, written like {@code 99.5%}. */
public record Percentage(double value) {
    private static final Pattern FORMAT = Pattern.compile("[0-9]+(\\.[0-9]+)?%");

    public Percentage {
        if (!(value >= 0 && value <= 100)) {
            throw new IllegalArgumentException("must be between 0% and 100%, but was " + value + "%");
        }
    }

    public static Percentage parse(String text) {
        if (!FORMAT.matcher(text).matches()) {
            throw new IllegalArgumentException("must be a percentage such as 99.5%, but was '" + text + "'");
        }
        double value = Double.parseDouble(text.substring(0, text.length() - 1));
        if (value > 100) {
            throw new IllegalArgumentException("must be between 0% and 100%, but was '" + text + "'");
        }
        return new Percentage(value);
    }

    /** As a fraction from 0 to 1. */
    public double fraction() {
        return value / 100.0;
    }

    @Override
    public String toString() {
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value)) + "%";
    }

    /** A measured share as checkers and reports print it, from a ratio: 0.0025 → "0.250 %". */
    public static String measured(double ratio) {
        return String.format(Locale.ROOT, "%.3f %%", ratio * 100);
    }
}

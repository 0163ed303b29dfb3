package casedrill.check;

import java.util.Locale;

/** Human text for measured durations, the same in every checker and on the live progress line ("5.10 s"). */
public final class Durations {
    private Durations() {}

    public static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.3f %%", ratio * 100);
    }
}

package casedrill.drill;

import java.util.Locale;

/** One progress line stamped with its drill offset ("52.3 s: inject ..."). */
@FunctionalInterface
interface DrillNarration {
    void say(String line);

    default void sayAt(long offsetMs, String what) {
        say(String.format(Locale.ROOT, "%.1f s: %s", offsetMs / 1000.0, what));
    }
}

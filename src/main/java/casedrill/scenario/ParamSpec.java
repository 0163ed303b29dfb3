package casedrill.scenario;

import casedrill.notation.ByteRate;
import casedrill.notation.Durations;
import casedrill.notation.Percentage;
import java.util.List;

/**
 * One key of a fault's {@code with:} block: its type, whether it is required, its default and
 * what it means. Each {@link FaultAction} lists its own; they are the single source for docs and checks.
 */
public record ParamSpec(String name, Type type, boolean required, String defaultValue, String meaning, List<String> choices) {

    public enum Type { DURATION, PERCENTAGE, BYTE_RATE, INTEGER, CHOICE }

    public static ParamSpec required(String name, Type type, String meaning) {
        return new ParamSpec(name, type, true, null, meaning, List.of());
    }

    public static ParamSpec optional(String name, Type type, String defaultValue, String meaning) {
        return new ParamSpec(name, type, false, defaultValue, meaning, List.of());
    }

    public static ParamSpec choice(String name, boolean required, String defaultValue, String meaning, String... choices) {
        return new ParamSpec(name, Type.CHOICE, required, defaultValue, meaning, List.of(choices));
    }

    /** Converts a scalar from the file into its typed value; messages are sentence fragments. */
    public Object parse(String text) {
        return switch (type) {
            case DURATION -> Durations.parse(text);
            case PERCENTAGE -> Percentage.parse(text);
            case BYTE_RATE -> ByteRate.parse(text);
            case INTEGER -> Long.parseLong(text);
            case CHOICE -> {
                if (!choices.contains(text)) {
                    throw new IllegalArgumentException("must be one of " + String.join(", ", choices) + ", but was '" + text + "'");
                }
                yield text;
            }
        };
    }
}

package casedrill.toxiproxy.toxic;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A toxic type as the API knows it: its name, its attribute keys in wire order, and how to build
 * one from a full attribute set (which throws IllegalArgumentException for values it refuses).
 * {@code goName} only shapes decoder error texts the way the reference server words them.
 */
public record ToxicType(String name, String goName, Function<Map<String, Long>, Toxic> factory, List<String> attributeKeys) {
    public ToxicType(String name, String goName, Function<Map<String, Long>, Toxic> factory, String... attributeKeys) {
        this(name, goName, factory, List.of(attributeKeys));
    }

    public Toxic create(Map<String, Long> attributes) {
        return factory.apply(attributes);
    }
}

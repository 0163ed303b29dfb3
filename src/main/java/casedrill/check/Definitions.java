package casedrill.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The normative measurement definitions as Markdown, for reports to print next to the verdicts. */
public final class Definitions {
    private static final String RESOURCE = "/casedrill/check/definitions.md";
    /** The independent observer's method and tolerance, kept beside the observer's code. */
    private static final String OBSERVER = "/casedrill/observer/definition.md";

    private Definitions() {}

    public static String markdown() {
        return read(RESOURCE) + read(OBSERVER);
    }

    private static String read(String resource) {
        try (InputStream in = Definitions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}

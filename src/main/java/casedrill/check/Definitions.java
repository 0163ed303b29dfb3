package casedrill.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The normative measurement definitions as Markdown, for reports to print next to the verdicts. */
public final class Definitions {
    private static final String RESOURCE = "/casedrill/check/definitions.md";

    private Definitions() {}

    public static String markdown() {
        try (InputStream in = Definitions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}

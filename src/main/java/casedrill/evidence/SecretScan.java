package casedrill.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Looks through every file of a run folder for the secrets the harness was given (tokens, passwords)
 * and for URLs with credentials in them. Findings name the file and which secret, never its value.
 */
public final class SecretScan {
    /** Environment variables that hold secrets (DESIGN.md: credentials come from the environment). */
    public static final List<String> SECRET_VARIABLES = List.of("CASEDRILL_TOKEN_CLIENT", "CASEDRILL_TOKEN_OFFICER",
            "CASEDRILL_TOKEN_PARTNER", "CASEDRILL_DB_PASSWORD", "PGPASSWORD");
    /** {@code scheme://user:password@host}: a URL carrying credentials. */
    static final Pattern URL_WITH_CREDENTIALS = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@\"']+:[^/\\s@\"']+@");
    /** What {@link SecretRedaction} leaves of a URL's password. */
    static final String REDACTED_PASSWORD = ":[redacted]@";
    /** Shorter values would match by accident (and are not secrets worth the name). */
    static final int MIN_SECRET_LENGTH = 6;

    /** A named secret value; the name is what findings show. */
    public record Secret(String name, String value) {
        @Override
        public String toString() {
            return "Secret[" + name + "]";
        }
    }

    private SecretScan() {
    }

    public static List<Secret> fromEnvironment(Map<String, String> env) {
        return SECRET_VARIABLES.stream().filter(env::containsKey).map(n -> new Secret(n, env.get(n)))
                .filter(s -> s.value().length() >= MIN_SECRET_LENGTH).toList();
    }

    public static List<Finding> scan(Path folder, Collection<Secret> secrets) {
        List<Finding> findings = new ArrayList<>();
        for (Path file : FileDigests.files(folder)) {
            String text;
            try {
                text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1); // byte-for-byte, any encoding
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " to scan it for secrets", e);
            }
            String where = FileDigests.relative(folder, file);
            secrets.stream().filter(s -> s.value().length() >= MIN_SECRET_LENGTH)
                    .filter(s -> text.contains(new String(s.value().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)))
                    .forEach(s -> findings.add(new Finding(where, "contains the secret from " + s.name())));
            URL_WITH_CREDENTIALS.matcher(text).results().map(MatchResult::group).filter(u -> !u.endsWith(REDACTED_PASSWORD)).findFirst()
                    .ifPresent(u -> findings.add(new Finding(where, "contains a URL with credentials (" + u.replaceAll(":[^:@]+@$", ":***@") + ")")));
        }
        return findings;
    }
}

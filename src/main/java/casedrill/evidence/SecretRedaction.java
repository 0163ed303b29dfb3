package casedrill.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Before a run folder is sealed, replaces every configured secret and every URL password in its files
 * with a marker naming what was removed; a node log that printed a password must not become evidence
 * that leaks it. Returns the files it changed, so the report can say so.
 */
public final class SecretRedaction {
    private SecretRedaction() {
    }

    public static List<String> redact(Path folder, Collection<SecretScan.Secret> secrets) {
        List<String> changed = new ArrayList<>();
        for (Path file : FileDigests.files(folder)) {
            try {
                // ISO-8859-1 maps bytes 1:1, so binary files and any encoding survive the round trip unchanged.
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                String clean = text;
                for (SecretScan.Secret s : secrets) {
                    if (s.value().length() >= SecretScan.MIN_SECRET_LENGTH) {
                        clean = clean.replace(new String(s.value().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1),
                                "[redacted " + s.name() + "]");
                    }
                }
                clean = SecretScan.URL_WITH_CREDENTIALS.matcher(clean).replaceAll(m -> m.group().replaceAll(":[^:@]+@$", SecretScan.REDACTED_PASSWORD)
                        .replace("\\", "\\\\").replace("$", "\\$"));
                if (!clean.equals(text)) {
                    Files.write(file, clean.getBytes(StandardCharsets.ISO_8859_1));
                    changed.add(FileDigests.relative(folder, file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot redact secrets in " + file, e);
            }
        }
        return changed;
    }
}

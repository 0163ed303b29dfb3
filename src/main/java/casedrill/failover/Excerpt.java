package casedrill.failover;

import java.util.List;

/** Output excerpts for the history: secrets replaced, at most {@link #MAX_CHARS} characters (the tail, where errors are). */
final class Excerpt {
    static final int MAX_CHARS = 2048;
    static final String REDACTED = "[redacted]";
    private static final int MIN_SECRET_LENGTH = 6;

    private final List<String> secrets;

    Excerpt(List<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= MIN_SECRET_LENGTH).toList();
    }

    String of(String text) {
        if (text == null) {
            return "";
        }
        String clean = text;
        for (String secret : secrets) {
            clean = clean.replace(secret, REDACTED);
        }
        clean = clean.replaceAll("([a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@\"']+):[^/\\s@\"']+@", "$1:" + REDACTED + "@").strip();
        return clean.length() <= MAX_CHARS ? clean : "…" + clean.substring(clean.length() - MAX_CHARS + 1);
    }
}

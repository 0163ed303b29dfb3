package casedrill.casestack.web;

import java.util.regex.Pattern;

/** Parses the headers that make writes safe to repeat: Idempotency-Key and If-Match. */
final class RequestHeaders {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern VERSION = Pattern.compile("(W/)?\"?([1-9][0-9]{0,8})\"?");

    private RequestHeaders() {
    }

    static String idempotencyKey(String header) {
        if (header == null) {
            throw new BadRequestException("The Idempotency-Key header is required on intake.");
        }
        return optionalIdempotencyKey(header);
    }

    /** Decisions may carry a key (their If-Match already guards them); if they do, it must be valid. */
    static String optionalIdempotencyKey(String header) {
        if (header != null && !KEY.matcher(header).matches()) {
            throw new BadRequestException("Idempotency-Key must be 1 to 100 characters of A-Z, a-z, 0-9, '.', '_', ':' "
                    + "or '-'.");
        }
        return header;
    }

    /** The case version an If-Match names: {@code "3"}, {@code W/"3"} or {@code 3}. */
    static int expectedVersion(String ifMatch) {
        if (ifMatch == null) {
            throw new PreconditionRequiredException("A decision needs If-Match with the case version (its ETag).");
        }
        var m = VERSION.matcher(ifMatch.trim());
        if (!m.matches()) {
            throw new BadRequestException("If-Match must be a case version such as \"3\", but was '" + ifMatch + "'.");
        }
        return Integer.parseInt(m.group(2));
    }

    static String etag(int version) {
        return "\"" + version + "\"";
    }
}

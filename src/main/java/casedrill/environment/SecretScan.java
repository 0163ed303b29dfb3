package casedrill.environment;

import casedrill.yaml.Problem;
import casedrill.yaml.SourceDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Finds secrets written into an environment file before anything else looks at it, so the message says what to
 * do instead ("name an environment variable") rather than "unknown key". Runs before the schema on purpose.
 */
final class SecretScan {
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|passwd|secret|token|api-?key|credential).*");
    private static final Pattern USER_INFO_URL = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*://[^/@\\s]+:[^/@\\s]*@.*");

    private SecretScan() {
    }

    static List<Problem> scan(SourceDocument doc) {
        List<Problem> problems = new ArrayList<>();
        walk(doc, doc.root(), "", problems);
        return problems;
    }

    private static void walk(SourceDocument doc, JsonNode node, String pointer, List<Problem> problems) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String child = SourceDocument.child(pointer, e.getKey());
                if (SECRET_KEY.matcher(e.getKey()).matches() && !e.getKey().endsWith("Env") && e.getValue().isValueNode()) {
                    problems.add(doc.problemAtKey(child, "'" + e.getKey() + "' holds a secret, which an environment file must"
                            + " never contain; put it in an environment variable and name that variable (database.passwordEnv)"));
                } else {
                    walk(doc, e.getValue(), child, problems);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(doc, node.get(i), SourceDocument.child(pointer, i), problems);
            }
        } else if (node.isString() && USER_INFO_URL.matcher(node.asString()).matches()) {
            problems.add(doc.problemAt(pointer, "the URL carries a password before '@', which an environment file must never"
                    + " contain; give the URL without credentials"));
        }
    }
}

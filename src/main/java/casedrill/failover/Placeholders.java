package casedrill.failover;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ${node.port}} expands to {@code address:port}, {@code ${node.host}} to the node's address. */
public final class Placeholders {
    static final Pattern PATTERN = Pattern.compile("\\$\\{([^}]*)}");
    /** Not a port: the node's address alone, so runbooks stay correct when a stack's addresses are shifted. */
    public static final String HOST = "host";

    private Placeholders() {
    }

    public static String expand(String text, RunbookHosts hosts) {
        if (text == null) {
            return null;
        }
        Matcher m = PATTERN.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1);
            int dot = ref.indexOf('.');
            if (dot < 0) {
                throw new IllegalArgumentException("placeholder '${" + ref + "}' does not name a node and port");
            }
            String node = ref.substring(0, dot);
            String port = ref.substring(dot + 1);
            m.appendReplacement(sb, Matcher.quoteReplacement(HOST.equals(port) ? hosts.address(node) : hosts.endpoint(node, port)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}

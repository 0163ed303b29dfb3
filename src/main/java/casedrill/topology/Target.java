package casedrill.topology;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a fault acts on, as written in a scenario: {@code site:dc1}, {@code wan(dc1,dc2)}, ... */
public sealed interface Target {

    /** The kinds of target, which fault actions accept or refuse. */
    enum Kind {
        SITE("site:<name>"), NODE("node:<name>"), LINK("link:<name>"), LINK_GROUP("wan(<site>,<site>)", "site-links(<site>)"),
        FAULT("fault:<id>");

        private final List<String> notations;

        Kind(String... notations) {
            this.notations = List.of(notations);
        }

        /** How a scenario writes a target of this kind, for messages and docs. */
        public List<String> notations() {
            return notations;
        }
    }

    Kind kind();

    String text();

    record SiteTarget(String site) implements Target {
        public Kind kind() { return Kind.SITE; }
        public String text() { return "site:" + site; }
    }

    record NodeTarget(String node) implements Target {
        public Kind kind() { return Kind.NODE; }
        public String text() { return "node:" + node; }
    }

    record LinkTarget(String link) implements Target {
        public Kind kind() { return Kind.LINK; }
        public String text() { return "link:" + link; }
    }

    /** Every link between two sites, in both directions. */
    record Wan(String siteA, String siteB) implements Target {
        public Kind kind() { return Kind.LINK_GROUP; }
        public String text() { return "wan(" + siteA + "," + siteB + ")"; }
    }

    /** Every link into or out of one site. */
    record SiteLinks(String site) implements Target {
        public Kind kind() { return Kind.LINK_GROUP; }
        public String text() { return "site-links(" + site + ")"; }
    }

    /** An earlier fault of the same scenario, by its id (for {@code heal}). */
    record FaultRef(String id) implements Target {
        public Kind kind() { return Kind.FAULT; }
        public String text() { return "fault:" + id; }
    }

    Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    Pattern PREFIXED = Pattern.compile("(site|node|link|fault):(.*)");
    Pattern WAN = Pattern.compile("wan\\(\\s*([^,\\s)]*)\\s*,\\s*([^,\\s)]*)\\s*\\)");
    Pattern SITE_LINKS = Pattern.compile("site-links\\(\\s*([^,\\s)]*)\\s*\\)");

    /** Parses the notation; the exception message is a sentence fragment naming the bad text. */
    static Target parse(String text) {
        Matcher m = PREFIXED.matcher(text);
        if (m.matches()) {
            String name = requireName(m.group(2), text);
            return switch (m.group(1)) {
                case "site" -> new SiteTarget(name);
                case "node" -> new NodeTarget(name);
                case "link" -> new LinkTarget(name);
                default -> new FaultRef(name);
            };
        }
        m = WAN.matcher(text);
        if (m.matches()) {
            Wan wan = new Wan(requireName(m.group(1), text), requireName(m.group(2), text));
            if (wan.siteA().equals(wan.siteB())) {
                throw new IllegalArgumentException("target '" + text + "' names the same site twice");
            }
            return wan;
        }
        m = SITE_LINKS.matcher(text);
        if (m.matches()) {
            return new SiteLinks(requireName(m.group(1), text));
        }
        throw new IllegalArgumentException("target '" + text + "' is not of the form site:<name>, node:<name>, link:<name>, "
                + "wan(<site>,<site>), site-links(<site>) or fault:<id>");
    }

    private static String requireName(String name, String text) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("target '" + text + "' has an invalid name '" + name
                    + "' (lower-case letters, digits and dashes)");
        }
        return name;
    }
}

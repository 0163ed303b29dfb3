package casedrill.report.html;

import static casedrill.report.Markup.esc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the small Markdown subset the measurement definitions use — headings, bullet lists,
 * paragraphs, {@code **bold**} and {@code `code`} — as HTML, escaping everything else.
 */
final class MarkdownLite {
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private MarkdownLite() {
    }

    static String render(String markdown, int headingOffset) {
        StringBuilder html = new StringBuilder();
        boolean inList = false;
        for (String line : (markdown == null ? "" : markdown).split("\n")) {
            if (line.startsWith("- ") != inList) {
                html.append(inList ? "</ul>\n" : "<ul>\n");
                inList = !inList;
            }
            if (line.startsWith("#")) {
                int level = Math.min(6, (int) line.chars().takeWhile(c -> c == '#').count() + headingOffset);
                html.append("<h").append(level).append('>').append(inline(line.replaceFirst("^#+\\s*", ""))).append("</h").append(level).append(">\n");
            } else if (line.startsWith("- ")) {
                html.append("<li>").append(inline(line.substring(2))).append("</li>\n");
            } else if (!line.isBlank()) {
                html.append("<p>").append(inline(line)).append("</p>\n");
            }
        }
        return html.append(inList ? "</ul>\n" : "").toString();
    }

    private static String inline(String text) {
        String escaped = esc(text);
        Matcher bold = BOLD.matcher(escaped);
        escaped = bold.replaceAll("<strong>$1</strong>");
        return CODE.matcher(escaped).replaceAll("<code>$1</code>");
    }
}

package casedrill.report;

import casedrill.check.Verdict;
import java.util.Locale;

/**
 * {@code junit.xml}: one test suite per drill, one test case per target, so CI systems show a drill
 * like a test run. A missed target is a failure carrying measured vs target; UNKNOWN is an error
 * (inconclusive is not a pass), PASS a plain test case.
 */
public final class JunitXml {
    public static final String FILE = "junit.xml";

    private JunitXml() {
    }

    public static String render(DrillResult r) {
        long failures = r.targets().stream().filter(t -> t.verdict() == Verdict.FAIL).count();
        long errors = r.targets().stream().filter(t -> t.verdict() == Verdict.UNKNOWN).count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append(String.format(Locale.ROOT, "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\" time=\"%.3f\" timestamp=\"%s\">%n",
                esc("drill " + r.scenario().id()), r.targets().size(), failures, errors, r.wallTimeMs() / 1000.0, esc(r.startedAt())));
        xml.append("  <properties>\n");
        property(xml, "runId", r.runId());
        property(xml, "scenarioSha256", r.scenario().sha256());
        property(xml, "verdict", r.verdict().name());
        property(xml, "reason", r.reason());
        xml.append("  </properties>\n");
        for (DrillResult.TargetResult t : r.targets()) {
            xml.append(String.format("  <testcase classname=\"%s\" name=\"%s\">%n", esc("drill." + r.scenario().id()), esc(t.name())));
            String detail = "target " + t.target().text() + ", measured " + t.measuredText() + ": " + t.explanation();
            switch (t.verdict()) {
                case FAIL -> xml.append(String.format("    <failure message=\"%s\" type=\"TargetMissed\">%s</failure>%n",
                        esc("measured " + t.measuredText() + ", target " + t.target().text()), esc(detail)));
                case UNKNOWN -> xml.append(String.format("    <error message=\"%s\" type=\"Inconclusive\">%s</error>%n",
                        esc("inconclusive: " + t.explanation()), esc(detail)));
                default -> xml.append(String.format("    <system-out>%s</system-out>%n", esc(detail)));
            }
            xml.append("  </testcase>\n");
        }
        xml.append("</testsuite>\n");
        return xml.toString();
    }

    private static void property(StringBuilder xml, String name, String value) {
        xml.append(String.format("    <property name=\"%s\" value=\"%s\"/>%n", esc(name), esc(value)));
    }

    static String esc(String s) {
        return Markup.esc(s);
    }
}

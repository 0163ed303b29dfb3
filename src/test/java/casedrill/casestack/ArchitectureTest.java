package casedrill.casestack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The harness and the system under drill know each other only over the network: the service
 * imports no other casedrill package, and only the node command imports the service.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path SERVICE = MAIN.resolve("casedrill/casestack");
    private static final Path NODE_COMMAND = MAIN.resolve("casedrill/cli/NodeCommand.java");
    private static final Pattern CASEDRILL_REFERENCE = Pattern.compile("\\bcasedrill\\.([a-z_]+)\\b");

    @Test
    void theServiceReferencesNoHarnessPackage() throws IOException {
        List<String> offences = references(SERVICE, pkg -> !pkg.equals("casestack"));
        assertThat(offences).as("casestack sources naming another casedrill package").isEmpty();
    }

    @Test
    void onlyTheNodeCommandReferencesTheService() throws IOException {
        List<String> offences = references(MAIN, pkg -> pkg.equals("casestack")).stream()
                .filter(o -> !o.startsWith(SERVICE.toString()) && !o.startsWith(NODE_COMMAND.toString()))
                .toList();
        assertThat(offences).as("harness sources naming casedrill.casestack").isEmpty();
    }

    @Test
    void theScanSeesTheFilesItJudges() throws IOException {
        assertThat(references(MAIN, pkg -> pkg.equals("casestack")))
                .as("NodeCommand imports the service, so the scan must find that")
                .anyMatch(o -> o.startsWith(NODE_COMMAND.toString()));
    }

    /** "file: casedrill.pkg" for every reference (imports and qualified names) whose package matches. */
    private static List<String> references(Path root, java.util.function.Predicate<String> packageMatches)
            throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                String source = withoutLiteralsAndComments(read(f));
                Matcher m = CASEDRILL_REFERENCE.matcher(source);
                Stream.Builder<String> found = Stream.builder();
                while (m.find()) {
                    if (packageMatches.test(m.group(1))) {
                        found.add(f + ": casedrill." + m.group(1));
                    }
                }
                return found.build();
            }).distinct().toList();
        }
    }

    /** Property names such as "casedrill.node.name" are text, not package references. */
    static String withoutLiteralsAndComments(String source) {
        return source.replaceAll("(?s)\"\"\".*?\"\"\"", "\"\"")
                .replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("(?s)/\\*.*?\\*/", "")
                .replaceAll("//[^\n]*", "");
    }

    @Test
    void literalsAndCommentsAreNotReferences() {
        assertThat(withoutLiteralsAndComments("import casedrill.cli.X; // casedrill.drill\n"
                + "String p = \"casedrill.node.name\"; /* casedrill.fault */"))
                .contains("casedrill.cli").doesNotContain("casedrill.node", "casedrill.drill", "casedrill.fault");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

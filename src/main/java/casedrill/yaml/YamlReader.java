package casedrill.yaml;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one YAML file into a {@link SourceDocument}, refusing anything unsafe or ambiguous before
 * it can cost time or memory: oversized files, binary data, invalid UTF-8, several documents,
 * anchors and aliases (the "billion laughs"), deep nesting and duplicate keys.
 */
public final class YamlReader {
    /** Scenario, topology and runbook files are small; anything bigger is a mistake. */
    public static final int MAX_BYTES = 1 << 20;
    static final int MAX_DEPTH = 32;

    private YamlReader() {
    }

    /** Reads {@code file}; errors name it as {@code displayName} (usually the path the user typed). */
    public static SourceDocument read(Path file, String displayName) {
        byte[] bytes = readBytes(file, displayName);
        String text = decode(bytes, displayName);
        Node node = compose(text, displayName);
        List<Problem> problems = new ArrayList<>();
        Map<String, Position> values = new HashMap<>();
        Map<String, Position> keys = new HashMap<>();
        var root = new NodeConverter(displayName, problems, values, keys).convert(node);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new SourceDocument(file, displayName, root, Map.copyOf(values), Map.copyOf(keys));
    }

    public static SourceDocument read(Path file) {
        return read(file, file.toString());
    }

    private static byte[] readBytes(Path file, String name) {
        Position start = new Position(name, 1, 1);
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidInputException(new Problem(start, "is a directory, not a YAML file"));
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InvalidInputException(new Problem(start,
                        "file is " + size + " bytes; input files are limited to " + MAX_BYTES + " bytes (1 MiB)"));
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(new Problem(start, "file not found"));
        } catch (IOException e) {
            throw new InvalidInputException(new Problem(start, "cannot be read: " + e.getMessage()));
        }
    }

    private static String decode(byte[] bytes, String name) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new InvalidInputException(new Problem(lineColumnOf(bytes, i, name),
                        "is not a text file (NUL byte at offset " + i + ")"));
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (text.isBlank() || text.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
                throw new InvalidInputException(new Problem(new Position(name, 1, 1), "file is empty"));
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(new Problem(new Position(name, 1, 1), "is not valid UTF-8 text"));
        }
    }

    private static Position lineColumnOf(byte[] bytes, int offset, String name) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Position(name, line, column);
    }

    private static Node compose(String text, String name) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(true); // duplicates are reported by NodeConverter, with both positions
        Yaml yaml = new Yaml(new SafeConstructor(options));
        try {
            Iterator<Node> documents = yaml.composeAll(new StringReader(text)).iterator();
            if (!documents.hasNext()) {
                throw new InvalidInputException(new Problem(new Position(name, 1, 1), "file is empty"));
            }
            Node first = documents.next();
            if (documents.hasNext()) {
                Node second = documents.next();
                throw new InvalidInputException(new Problem(NodeConverter.position(name, second.getStartMark()),
                        "holds more than one YAML document; put one per file"));
            }
            return first;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new InvalidInputException(new Problem(NodeConverter.position(name, mark),
                    "is not valid YAML: " + what.strip()));
        } catch (YAMLException e) {
            String detail = e.getMessage().lines().findFirst().orElse("").strip();
            if (detail.startsWith("Number of aliases")) {
                detail = "it uses more than 10 aliases (anchors and aliases are not supported)";
            } else if (detail.startsWith("Nesting Depth")) {
                detail = "it is nested more than " + MAX_DEPTH + " levels deep";
            }
            throw new InvalidInputException(new Problem(new Position(name, 1, 1), "is not valid YAML: " + detail));
        }
    }
}

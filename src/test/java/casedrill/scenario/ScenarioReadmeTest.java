package casedrill.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.fault.FaultRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The "with: keys" table in scenarios/README.md is the user's contract; it must say what the fault definitions do. */
class ScenarioReadmeTest {
    record Row(String action, String healable, String key, String defaultValue) {
    }

    static List<Row> withTable() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : tableRows("| action | targets | healable | with: key |")) {
            String[] cells = line.split("\\|");
            rows.add(new Row(strip(cells[1]), strip(cells[3]), strip(cells[4]), strip(cells[6])));
        }
        return rows;
    }

    /** The body rows of the README table whose header line starts with {@code header}. */
    private static List<String> tableRows(String header) throws IOException {
        List<String> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(Path.of("scenarios/README.md"))) {
            if (line.startsWith(header)) {
                inTable = true;
                continue;
            }
            if (inTable && !line.startsWith("|")) {
                break;
            }
            if (inTable && !line.startsWith("|---")) {
                rows.add(line);
            }
        }
        return rows;
    }

    private static String strip(String cell) {
        return cell.strip().replace("`", "");
    }

    @Test
    void withKeysTableMatchesTheCatalogue() throws IOException {
        Map<String, List<String>> documented = new LinkedHashMap<>();
        for (Row row : withTable()) {
            FaultAction action = FaultRegistry.ACTIONS.action(row.action()).orElseThrow(() -> new AssertionError("unknown action " + row.action()));
            assertThat(row.healable()).as("healable column of %s", row.action()).isEqualTo(action.healable() ? "yes" : "no");
            List<String> keys = documented.computeIfAbsent(row.action(), a -> new ArrayList<>());
            if (!row.key().equals("—")) {
                keys.add(row.key());
                ParamSpec spec = action.param(row.key()).orElseThrow(() -> new AssertionError(row.action() + " has no key " + row.key()));
                assertThat(row.defaultValue()).as("default of %s.%s", row.action(), row.key())
                        .isEqualTo(spec.required() ? "required" : spec.defaultValue() == null ? row.defaultValue() : spec.defaultValue());
            }
        }
        assertThat(documented.keySet()).as("actions documented").containsExactlyElementsOf(
                FaultRegistry.ACTIONS.actions().stream().map(FaultAction::id).toList());
        for (FaultAction action : FaultRegistry.ACTIONS.actions()) {
            assertThat(documented.get(action.id())).as("with: keys of %s", action)
                    .containsExactlyElementsOf(action.params().stream().map(ParamSpec::name).toList());
        }
    }

    @Test
    void actionsTableSaysWhatEachDefinitionSays() throws IOException {
        List<String> documented = tableRows("| action | targets | healable | meaning |");
        assertThat(documented).as("rows of the actions table").containsExactlyElementsOf(FaultRegistry.ACTIONS.actions().stream()
                .map(a -> "| `" + a.id() + "` | " + a.targets().stream().flatMap(k -> k.notations().stream()).map(n -> "`" + n + "`")
                        .collect(java.util.stream.Collectors.joining(", ")) + " | " + (a.healable() ? "yes" : "no") + " | " + a.meaning() + " |")
                .toList());
    }
}

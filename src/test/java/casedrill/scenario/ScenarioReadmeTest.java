package casedrill.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The "with: keys" table in scenarios/README.md is the user's contract; it must say what the code does. */
class ScenarioReadmeTest {
    record Row(String action, String healable, String key, String defaultValue) {
    }

    static List<Row> withTable() throws IOException {
        List<Row> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(Path.of("scenarios/README.md"))) {
            if (line.startsWith("| action | targets | healable | with: key |")) {
                inTable = true;
                continue;
            }
            if (inTable && !line.startsWith("|")) {
                break;
            }
            if (inTable && !line.startsWith("|---")) {
                String[] cells = line.split("\\|");
                rows.add(new Row(strip(cells[1]), strip(cells[3]), strip(cells[4]), strip(cells[6])));
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
            FaultAction action = FaultAction.of(row.action()).orElseThrow(() -> new AssertionError("unknown action " + row.action()));
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
                java.util.Arrays.stream(FaultAction.values()).map(FaultAction::id).toList());
        for (FaultAction action : FaultAction.values()) {
            assertThat(documented.get(action.id())).as("with: keys of %s", action)
                    .containsExactlyElementsOf(action.params().stream().map(ParamSpec::name).toList());
        }
    }
}

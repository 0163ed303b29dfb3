package casedrill.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.fault.FaultRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** scenario.schema.json checks the fault actions the registry defines (one file each in fault/); this keeps them in step. */
class FaultCatalogueSchemaTest {
    static JsonNode schema() throws IOException {
        return JsonMapper.shared().readTree(Files.readString(Path.of("scenarios/schema/scenario.schema.json")));
    }

    @Test
    void schemaListsExactlyTheActionsOfTheCatalogue() throws IOException {
        List<String> inSchema = new ArrayList<>();
        schema().at("/$defs/fault/properties/action/enum").forEach(v -> inSchema.add(v.asString()));
        assertThat(inSchema).containsExactlyElementsOf(FaultRegistry.ACTIONS.actions().stream().map(FaultAction::id).toList());
    }

    @Test
    void schemaAllowsExactlyTheWithKeysOfEachAction() throws IOException {
        for (FaultAction action : FaultRegistry.ACTIONS.actions()) {
            JsonNode rule = withRuleOf(action);
            List<String> keys = new ArrayList<>();
            rule.path("properties").propertyNames().forEach(keys::add);
            assertThat(keys).as("with: keys of %s", action)
                    .containsExactlyInAnyOrderElementsOf(action.params().stream().map(ParamSpec::name).toList());
            List<String> required = new ArrayList<>();
            rule.path("required").forEach(r -> required.add(r.asString()));
            assertThat(required).as("required with: keys of %s", action).containsExactlyInAnyOrderElementsOf(
                    action.params().stream().filter(ParamSpec::required).map(ParamSpec::name).toList());
        }
    }

    private static JsonNode withRuleOf(FaultAction action) throws IOException {
        for (JsonNode rule : schema().at("/$defs/fault/allOf")) {
            JsonNode condition = rule.at("/if/properties/action");
            boolean matches = condition.has("const") ? condition.get("const").asString().equals(action.id())
                    : condition.has("enum") && condition.get("enum").valueStream().anyMatch(v -> v.asString().equals(action.id()));
            if (matches) {
                return rule.at("/then/properties/with");
            }
        }
        throw new AssertionError("no with: rule for " + action);
    }
}

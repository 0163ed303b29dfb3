package casedrill;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The layer order of every casedrill package, bottom to top: a class may depend on its own layer and the
 * layers below it, never on one above. Shared values sit at the bottom, runners and commands at the top.
 */
class LayersTest {
    /** README's Architecture section states this order; keep the two the same. */
    static final List<Layer> BOTTOM_TO_TOP = List.of(
            // The system under drill: it knows the harness only over the network, so nothing of the harness is below it.
            new Layer("casestack.auth"),
            new Layer("casestack.db"),
            new Layer("casestack.cases"),
            new Layer("casestack.web"),
            new Layer("casestack"),
            new Layer("yaml"),
            new Layer("notation"),
            new Layer("outcome"),
            new Layer("evidence"),
            new Layer("history"),
            new Layer("observer"),
            new Layer("toxiproxy.toxic"),
            new Layer("toxiproxy"),
            new Layer("toxiproxy.api"),
            new Layer("topology"),
            new Layer("failover"),
            new Layer("scenario"),
            new Layer("environment"),
            new Layer("check"),
            new Layer("probe"),
            new Layer("load"),
            // the seam, the node recipes its implementations share, the implementations, and the one registry that knows them (docs/providers.md)
            new Layer("stack"),
            new Layer("stack.recipe"),
            new Layer("stack.local"),
            new Layer("stack.remote"),
            new Layer("stack.containers"),
            new Layer("provider"),
            new Layer("fault"),
            new Layer("report"),
            new Layer("report.html"),
            new Layer("report.completion"),
            new Layer("gate"),
            new Layer("drill"),
            new Layer("junit"),
            new Layer("loadtests"),
            new Layer("cli"));

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("casedrill");

    /** A layer's name and the packages in it; by default just {@code casedrill.<name>} without its subpackages. */
    record Layer(String name, String... packages) {
        Layer(String name) {
            this(name, "casedrill." + name);
        }

        boolean contains(String javaPackage) {
            return Arrays.stream(packages).anyMatch(p -> PackageMatcher.of(p).matches(javaPackage));
        }
    }

    /** Each layer may depend only on the layers below it, the bottom one on none; every class is in a layer. */
    static LayeredArchitecture layerOrder() {
        LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers().ensureAllClassesAreContainedInArchitecture();
        for (Layer layer : BOTTOM_TO_TOP) {
            rule = rule.layer(layer.name()).definedBy(layer.packages());
        }
        for (int i = 0; i < BOTTOM_TO_TOP.size(); i++) {
            String[] below = BOTTOM_TO_TOP.subList(0, i).stream().map(Layer::name).toArray(String[]::new);
            String name = BOTTOM_TO_TOP.get(i).name();
            rule = below.length == 0 ? rule.whereLayer(name).mayNotAccessAnyLayer() : rule.whereLayer(name).mayOnlyAccessLayers(below);
        }
        return rule;
    }

    @Test
    void noPackageImportsOneAboveIt() {
        layerOrder().check(MAIN);
    }

    @Test
    void everyPackageHasExactlyOnePlaceInTheOrder() {
        Set<String> packages = MAIN.stream().map(JavaClass::getPackageName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(packages).as("main packages").contains("casedrill.cli", "casedrill.history", "casedrill.stack.local");
        assertThat(packages).as("packages in no layer (add them to BOTTOM_TO_TOP and README's layer order)")
                .filteredOn(p -> BOTTOM_TO_TOP.stream().noneMatch(l -> l.contains(p))).isEmpty();
        assertThat(packages).as("packages in more than one layer")
                .filteredOn(p -> BOTTOM_TO_TOP.stream().filter(l -> l.contains(p)).count() > 1).isEmpty();
    }

    @Test
    void aPlantedUpwardImportIsReportedByName() throws ClassNotFoundException {
        JavaClasses planted = new ClassFileImporter().importClasses(Class.forName("casedrill.history.UpwardImportFixture"));

        // Optional layers: imported alone, every layer but history is empty, which is no offence here.
        EvaluationResult result = layerOrder().withOptionalLayers(true).evaluate(planted);

        assertThat(result.hasViolation()).as("history calling cli is an upward import").isTrue();
        assertThat(result.getFailureReport().getDetails()).as("the violations")
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("casedrill.history.UpwardImportFixture", "casedrill.cli.Main"));
    }

    @Test
    void theSameRuleAcceptsTheSamePackageWithoutThePlantedImport() {
        JavaClasses history = new ClassFileImporter().importClasses(casedrill.history.History.class);

        assertThat(layerOrder().withOptionalLayers(true).evaluate(history).hasViolation())
                .as("history's own classes depend only on layers below it").isFalse();
    }
}

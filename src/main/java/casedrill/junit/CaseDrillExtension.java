package casedrill.junit;

import casedrill.drill.DrillOptions;
import casedrill.drill.DrillRunner;
import casedrill.fault.FaultRegistry;
import casedrill.provider.StackProviders;
import casedrill.report.DrillResult;
import casedrill.report.completion.RunCompletion;
import casedrill.scenario.Scenario;
import casedrill.scenario.ScenarioLoader;
import casedrill.stack.StackOptions;
import casedrill.yaml.InvalidInputException;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What {@link CaseDrill} does: before the class (annotation on the class) or before a method (annotation on the method)
 * it validates the scenario and runs the drill, at most once per test class and scenario; then it resolves
 * {@link DrillResult} and {@link DrillRun} parameters. A drill that could not run at all (invalid input, harness or
 * infrastructure error) fails the tests with its reason; any other verdict is for the test to assert.
 */
public final class CaseDrillExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CaseDrillExtension.class);
    /** Run folders by run id, so assertion messages can name the folder of a bare DrillResult. */
    private static final Map<String, Path> FOLDERS = new ConcurrentHashMap<>();

    /** The sealed folder of a result this extension produced, if it did. */
    public static Optional<Path> folderOf(DrillResult result) {
        return Optional.ofNullable(FOLDERS.get(result.runId()));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), CaseDrill.class).ifPresent(drill -> run(context, drill));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, CaseDrill.class)).ifPresent(drill -> run(context, drill));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DrillResult.class || type == DrillRun.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        CaseDrill drill = context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, CaseDrill.class))
                .or(() -> AnnotationSupport.findAnnotation(context.getRequiredTestClass(), CaseDrill.class))
                .orElseThrow(() -> new ParameterResolutionException("a DrillResult parameter needs @CaseDrill on the method or its class"));
        DrillRun run = run(context, drill);
        return parameter.getParameter().getType() == DrillRun.class ? run : run.result();
    }

    /** The class's run of this scenario: from the class-level store, or now. */
    private static DrillRun run(ExtensionContext context, CaseDrill drill) {
        ExtensionContext classContext = context.getTestMethod().isPresent() ? context.getParent().orElse(context) : context;
        // a drill that could not run fails every test of the class with the same reason, without running again
        Object outcome = classContext.getStore(NAMESPACE).getOrComputeIfAbsent(drill.scenario() + "@" + drill.provider(), key -> {
            try {
                return runNow(drill);
            } catch (RuntimeException | AssertionError e) {
                return e;
            }
        });
        if (outcome instanceof RuntimeException e) {
            throw e;
        } else if (outcome instanceof AssertionError e) {
            throw e;
        }
        return (DrillRun) outcome;
    }

    private static DrillRun runNow(CaseDrill drill) {
        if (!StackProviders.names().contains(drill.provider())) {
            throw new ExtensionConfigurationException("@CaseDrill provider '" + drill.provider() + "' for " + drill.scenario()
                    + " is not supported (supported: " + String.join(", ", StackProviders.names()) + ")");
        }
        Path file = scenarioFile(drill.scenario());
        Scenario scenario;
        try {
            scenario = ScenarioLoader.load(file, FaultRegistry.ACTIONS);
        } catch (InvalidInputException e) {
            throw new AssertionError("scenario " + file + " is invalid:\n" + e.getMessage(), e);
        }
        Path reports = Path.of(System.getProperty("casedrill.drill.reports", "target/casedrill-reports")).toAbsolutePath();
        int shift = Integer.getInteger("casedrill.drill.addressShift", drill.addressShift());
        String release = drill.release().isEmpty() ? null : drill.release();
        DrillOptions options = new DrillOptions(null, false, reports, stackOptions(), shift, Duration.ofSeconds(90)).withRelease(release)
                .withProvider(drill.provider());
        DrillResult result = new DrillRunner(scenario, options, System.out).run();
        Path keyOption = Optional.ofNullable(System.getProperty("casedrill.drill.key")).map(Path::of).orElse(null);
        RunCompletion.afterRun(reports, scenario.id(), result.runId(), keyOption);
        Path folder = reports.resolve(scenario.id()).resolve(result.runId());
        FOLDERS.put(result.runId(), folder);
        if (result.exitCode() == 2 || result.exitCode() == 4) {
            throw new AssertionError("drill " + scenario.id() + " could not run (exit " + result.exitCode() + "): " + result.reason()
                    + "; run folder " + folder);
        }
        return new DrillRun(result, folder);
    }

    private static Path scenarioFile(String name) {
        Path file = Path.of(name);
        if (Files.isRegularFile(file)) {
            return file;
        }
        URL resource = Thread.currentThread().getContextClassLoader().getResource(name);
        if (resource != null && "file".equals(resource.getProtocol())) {
            try {
                return Path.of(resource.toURI());
            } catch (URISyntaxException e) {
                throw new ExtensionConfigurationException("@CaseDrill scenario " + name + ": " + e.getMessage(), e);
            }
        }
        throw new AssertionError("@CaseDrill scenario '" + name + "' is neither a file under " + Path.of("").toAbsolutePath()
                + " nor a class-path resource");
    }

    /** Nodes run from this JVM's class path (the test class path under Surefire), made absolute: they start in their own folders. */
    private static StackOptions stackOptions() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return StackOptions.defaults().withClasspath(Arrays.stream(classpath.split(File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator)));
    }
}

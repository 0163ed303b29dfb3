package casedrill.testing;

import casedrill.report.ResultJson;
import casedrill.report.ResultSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registered for every test class (META-INF/services, autodetection in junit-platform.properties): after each test and
 * each class, every version 2 result.json under the test's {@code @TempDir} and {@link KeptResults} fields, and under the drill extension's
 * reports folder, must validate against scenarios/schema/result.schema.json. Version 1 files are the kept fixtures.
 * Each file is checked once; {@link #checked()} says how many were.
 */
public final class ResultSchemaGuard implements AfterEachCallback, AfterAllCallback {
    private static final Set<Path> CHECKED = ConcurrentHashMap.newKeySet();
    private static final Path DRILL_REPORTS = Path.of(System.getProperty("casedrill.drill.reports", "target/casedrill-reports"));

    public static int checked() {
        return CHECKED.size();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        context.getTestInstance().ifPresent(instance -> check(folders(instance.getClass(), instance)));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<Path> folders = new ArrayList<>(folders(context.getRequiredTestClass(), context.getTestInstance().orElse(null)));
        folders.add(DRILL_REPORTS);
        check(folders);
    }

    private static List<Path> folders(Class<?> type, Object instance) {
        List<Path> found = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                boolean isStatic = Modifier.isStatic(f.getModifiers());
                boolean holdsResults = f.isAnnotationPresent(TempDir.class) || f.isAnnotationPresent(KeptResults.class);
                if (!holdsResults || (!isStatic && instance == null)) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    Object value = f.get(isStatic ? null : instance);
                    Optional.ofNullable(value).map(v -> v instanceof Path p ? p : ((java.io.File) v).toPath()).ifPresent(found::add);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read the results folder " + f, e);
                }
            }
        }
        return found;
    }

    private static void check(List<Path> folders) {
        List<String> problems = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path file : walk.filter(p -> p.getFileName().toString().equals(ResultJson.FILE)).toList()) {
                    String json = Files.readString(file);
                    boolean fixture = tools.jackson.databind.json.JsonMapper.shared().readTree(json).path("schemaVersion").asInt() == 1;
                    if (fixture || !CHECKED.add(file.toAbsolutePath().normalize())) {
                        continue;
                    }
                    ResultSchema.problems(json).forEach(p -> problems.add(file + ": " + p));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the results under " + folder, e);
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("result.json does not match scenarios/schema/result.schema.json:\n" + String.join("\n", problems));
        }
    }
}

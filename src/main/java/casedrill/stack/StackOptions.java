package casedrill.stack;

import casedrill.topology.DbVariant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a stack is brought up. Most of these are the local provider's (its run root, binaries and jar); a provider
 * ignores what it has no use for.
 *
 * @param runRoot      parent of every stack's run directory; must be reachable by the stack user
 * @param linksDirect  connect sites directly instead of through Toxiproxy proxies (DB-tier tests only)
 * @param dbTierOnly   bring up etcd, Patroni + PostgreSQL and the db-routers, but no app nodes or gslb
 * @param patroniHome  where install-stack-deps.sh unpacked Patroni ({@code bin/patroni} inside)
 * @param pgBinDir     PostgreSQL 15 binaries
 * @param jar          the runnable casedrill jar (Toxiproxy server and app nodes run from it)
 * @param classpath    when set, Java nodes run {@code casedrill.cli.Main} from this class path instead of the jar
 *                     (tests: the jar is built only after them)
 * @param readyTimeout how long each node may take to become ready
 * @param variant      the database tier's variant (replication, Patroni version, routing, paused)
 * @param addressShift moves every address of the layout by this much in its third octet (stacks side by side; 0: none)
 */
public record StackOptions(Path runRoot, boolean linksDirect, boolean dbTierOnly, Path patroniHome, Path pgBinDir,
                           Path jar, String classpath, Duration readyTimeout, DbVariant variant, Integer addressShift) {

    /** Bookworm's Patroni package, for the "3.0.2" variant. */
    public static final Path PATRONI_3 = Path.of("/usr/bin/patroni");

    public static final Path DEFAULT_RUN_ROOT = Path.of("/var/tmp/casedrill");

    public StackOptions {
        // State files written before variants existed carry none: they ran the default.
        variant = variant == null ? DbVariant.DEFAULT : variant;
        // Nor an address shift: their layout was stored already moved.
        addressShift = addressShift == null ? 0 : addressShift;
        // Generated configs carry paths under it to processes with other working directories (Patroni's YAML to
        // PostgreSQL: a relative run root put the socket inside the data directory and broke pg_rewind).
        runRoot = runRoot == null ? null : runRoot.toAbsolutePath().normalize();
    }

    public static StackOptions defaults() {
        return new StackOptions(DEFAULT_RUN_ROOT, false, false, Path.of("/var/lib/casedrill/patroni-4"),
                Path.of("/usr/lib/postgresql/15/bin"), defaultJar(), null, Duration.ofSeconds(90), DbVariant.DEFAULT, 0);
    }

    public StackOptions withLinksDirect(boolean direct) {
        return new StackOptions(runRoot, direct, dbTierOnly, patroniHome, pgBinDir, jar, classpath, readyTimeout, variant, addressShift);
    }

    public StackOptions withDbTierOnly(boolean dbOnly) {
        return new StackOptions(runRoot, linksDirect, dbOnly, patroniHome, pgBinDir, jar, classpath, readyTimeout, variant, addressShift);
    }

    public StackOptions withRunRoot(Path root) {
        return new StackOptions(root, linksDirect, dbTierOnly, patroniHome, pgBinDir, jar, classpath, readyTimeout, variant, addressShift);
    }

    public StackOptions withPgBinDir(Path dir) {
        return new StackOptions(runRoot, linksDirect, dbTierOnly, patroniHome, dir, jar, classpath, readyTimeout, variant, addressShift);
    }

    public StackOptions withJar(Path path) {
        return new StackOptions(runRoot, linksDirect, dbTierOnly, patroniHome, pgBinDir, path, classpath, readyTimeout, variant, addressShift);
    }

    public StackOptions withClasspath(String path) {
        return new StackOptions(runRoot, linksDirect, dbTierOnly, patroniHome, pgBinDir, jar, path, readyTimeout, variant, addressShift);
    }

    public StackOptions withVariant(DbVariant v) {
        return new StackOptions(runRoot, linksDirect, dbTierOnly, patroniHome, pgBinDir, jar, classpath, readyTimeout, v, addressShift);
    }

    public StackOptions withAddressShift(int shift) {
        return new StackOptions(runRoot, linksDirect, dbTierOnly, patroniHome, pgBinDir, jar, classpath, readyTimeout, variant, shift);
    }

    /** The Patroni executable of the variant. */
    public Path patroniBinary() {
        return variant.patroni().equals("3.0.2") ? PATRONI_3 : patroniHome.resolve("bin/patroni");
    }

    /** The jar this code runs from, else target/casedrill.jar (running from classes, as tests do). */
    static Path defaultJar() {
        // Spring Boot's launcher gives nested locations such as jar:nested:/x/casedrill.jar/!BOOT-INF/classes/!/
        String location = String.valueOf(StackOptions.class.getProtectionDomain().getCodeSource().getLocation());
        Matcher jar = OUTER_JAR.matcher(location);
        if (jar.find()) {
            Path self = Path.of(jar.group(1));
            if (Files.isRegularFile(self)) {
                return self.toAbsolutePath();
            }
        }
        return Path.of("target", "casedrill.jar").toAbsolutePath();
    }

    private static final Pattern OUTER_JAR = Pattern.compile("(/[^!]*?\\.jar)(?:/?!|$)");
}

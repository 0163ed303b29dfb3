package casedrill.stack.recipe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Unix user PostgreSQL, Patroni and etcd run as. PostgreSQL refuses root, so a root harness
 * switches to the stack user with setpriv (no intermediate process: the PID we hold is the real one).
 */
public record RunUser(String name, int uid, int gid, boolean switchNeeded) {

    public static final String STACK_USER = "casedrill";

    /** The stack user when running as root, otherwise the current user as is. */
    public static RunUser forStack() {
        int self = currentUid();
        if (self != 0) {
            return new RunUser(System.getProperty("user.name"), self, self, false);
        }
        return lookup(STACK_USER).orElseThrow(() -> new IllegalStateException(
                "user '" + STACK_USER + "' does not exist; run src/main/scripts/install-stack-deps.sh as root first"));
    }

    /**
     * The user a site's processes run as: {@code casedrill-<site>} when it exists and this user can
     * switch to it, else {@code fallback}. Own users per site let iptables owner rules tell the sites apart.
     */
    public static RunUser forSite(String site, RunUser fallback) {
        if (!fallback.switchNeeded()) {
            return fallback;
        }
        return lookup(siteUserName(site)).orElse(fallback);
    }

    public static String siteUserName(String site) {
        return STACK_USER + "-" + site;
    }

    /** Prefix that runs a command as this user, empty when no switch is needed. */
    public List<String> commandPrefix() {
        if (!switchNeeded) {
            return List.of();
        }
        return List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--init-groups", "--");
    }

    /** Makes {@code dir} (created if missing) belong to this user with mode 0700. */
    public Path ownDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            chown(dir);
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare " + dir + " for user " + name + ": " + e.getMessage(), e);
        }
    }

    /** Gives {@code file} to this user (a no-op without root). */
    public void chown(Path file) throws IOException {
        if (switchNeeded) {
            Files.setAttribute(file, "unix:uid", uid);
            Files.setAttribute(file, "unix:gid", gid);
        }
    }

    public static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read own uid from /proc/self: " + e.getMessage(), e);
        }
    }

    public static Optional<RunUser> lookup(String user) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/etc/passwd"));
        } catch (IOException e) {
            return Optional.empty();
        }
        List<RunUser> found = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split(":");
            if (f.length > 3 && f[0].equals(user)) {
                found.add(new RunUser(user, Integer.parseInt(f[2]), Integer.parseInt(f[3]), true));
            }
        }
        return found.stream().findFirst();
    }
}

package casedrill.stack;

import casedrill.stack.recipe.RunUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Looks at partitions from a site's point of view: can that site's user open a TCP connection; what iptables holds. */
final class SiteProbe {
    private SiteProbe() {
    }

    /** Whether a process of {@code site}'s user completes a TCP handshake with {@code endpoint} within 2 s. */
    static boolean connects(String site, String endpoint) {
        String[] hp = endpoint.split(":");
        List<String> command = List.of("timeout", "2", "setpriv", "--reuid=" + RunUser.siteUserName(site),
                "--regid=" + RunUser.siteUserName(site), "--init-groups", "--",
                "bash", "-c", "exec 3<>/dev/tcp/" + hp[0] + "/" + hp[1]);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot probe " + endpoint + " as site " + site + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code iptables -S} of the filter table. */
    static List<String> iptablesRules() {
        try {
            Process p = new ProcessBuilder("iptables", "-w", "5", "-S").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(20, TimeUnit.SECONDS);
            return out.lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run iptables -S: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}

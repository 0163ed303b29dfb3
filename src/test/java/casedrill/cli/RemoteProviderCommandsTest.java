package casedrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.outcome.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan} and {@code run} with {@code --provider remote}: the plan lists every host and each action's exact
 * command; a run against hosts beyond this machine is refused before anything starts unless the operator typed
 * the environment's name.
 */
class RemoteProviderCommandsTest {
    static final String SCENARIO = "scenarios/wan-cut-witness-reachable.yaml";
    static final String STAGING = "scenarios/environment/staging-two-dc.yaml";

    @TempDir
    Path reports;

    @Test
    void planListsEveryHostAndTheExactCommandOfEachAction() {
        CommandRun run = CommandRun.of("plan", SCENARIO, "--provider", "remote", "--environment", STAGING);

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Environment staging-two-dc")
                .contains("hosts: app1a.nord.staging.example, app1b.nord.staging.example")
                .contains("kill     ssh -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile="
                        + Path.of("scenarios/environment/known_hosts.staging").toAbsolutePath()
                        + " -o GlobalKnownHostsFile=/dev/null -o ConnectTimeout=15 -o IdentitiesOnly=yes -i "
                        + Path.of(System.getProperty("user.home"), ".ssh/casedrill_staging")
                        + " -p 22 drill@db1.nord.staging.example -- 'systemctl kill --kill-whom=all --signal=SIGKILL patroni.service'")
                .contains("restart  sh -c './ops/restart-gslb.sh gslb.staging.example'")
                .contains("pause    (no command: refused)")
                .contains("site dc1 from {peer}, exact by template: cut `ssh drill@fw.nord.staging.example sudo /usr/local/sbin/drill-cut {peer} {mode}`")
                .contains("pairs without a template on either side, link pg-dc1-from-dc2: by disabling proxy pg-dc1-from-dc2 on http://toxi.sued.staging.example:8474");
    }

    @Test
    void aRunOnRealHostsWithoutTheTypedNameIsRefusedBeforeAnythingStarts() {
        CommandRun run = CommandRun.of("run", SCENARIO, "--provider", "remote", "--environment", STAGING,
                "--reports", reports.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(run.err().strip()).startsWith("environment staging-two-dc acts on hosts beyond this machine (app1a.nord.staging.example,")
                .endsWith("); confirm with --confirm-environment staging-two-dc after reading its plan.")
                .doesNotContain("\n");
        assertThat(reports).isEmptyDirectory();
    }

    @Test
    void aConfirmationNamingAnotherEnvironmentIsRefused() {
        CommandRun run = CommandRun.of("run", SCENARIO, "--provider", "remote", "--environment", STAGING,
                "--confirm-environment", "production", "--reports", reports.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(run.err().strip()).isEqualTo("--confirm-environment production does not name environment staging-two-dc; nothing was started.");
        assertThat(reports).isEmptyDirectory();
    }

    @Test
    void theRemoteProviderNeedsAnEnvironment() throws Exception {
        CommandRun run = CommandRun.of("run", SCENARIO, "--provider", "remote", "--reports", reports.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(run.err().strip()).isEqualTo("provider remote drills an existing deployment; name it with --environment FILE.");
        assertThat(Files.list(reports)).isEmpty();
    }
}

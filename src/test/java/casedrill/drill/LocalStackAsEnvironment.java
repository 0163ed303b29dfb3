package casedrill.drill;

import casedrill.stack.Credentials;
import casedrill.stack.HostPort;
import casedrill.stack.local.LocalStack;
import casedrill.testing.SshServer;
import casedrill.topology.Link;
import casedrill.topology.Node;
import casedrill.topology.NodeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An environment file describing a running local reference stack as if it were a remote deployment: every node at
 * its (shifted) address and ports, every link at its proxy on the stack's Toxiproxy server, and node control over
 * SSH to a real sshd on loopback running src/test/resources/remote/node-control.py, which acts on the stack's
 * processes as a host's own tooling would. Credentials are only named (CASEDRILL_* variables, see {@link #variables}).
 */
final class LocalStackAsEnvironment {
    private static final Path NODE_CONTROL = Path.of("src/test/resources/remote/node-control.py").toAbsolutePath();

    private LocalStackAsEnvironment() {
    }

    /** Writes {@code dir/environment.yaml} (and the casedrill wrapper its start/stop commands use); returns its path. */
    static Path write(Path dir, String name, LocalStack stack, SshServer sshd) throws IOException {
        return write(dir, name, stack, sshd, false);
    }

    /**
     * The same, written to {@code dir/<name>.yaml}; with {@code partitionTemplates}, sites dc1 and dc2 carry partition
     * templates that make the cut the way the stack's own firewall can: {@code casedrill stack partition} on the local
     * stack puts its exact iptables rules in (matched by each site's Unix user where a proxy is shared, as a site's
     * firewall would tell its hosts apart), and {@code stack heal-partitions} removes them (idempotent, either mode).
     * Every pair of two-dc has dc1 or dc2 on one side, so every site pair is cut by a template.
     */
    static Path write(Path dir, String name, LocalStack stack, SshServer sshd, boolean partitionTemplates) throws IOException {
        Path casedrill = casedrillWrapper(dir);
        HostPort toxiproxy = stack.toxiproxyApi();
        String api = "http://" + toxiproxy.host() + ":" + toxiproxy.port();
        TreeSet<String> allow = new TreeSet<>();
        allow.add("127.0.0.1");
        allow.add(toxiproxy.host());
        StringBuilder yaml = new StringBuilder()
                .append("# Written by a test: the local reference stack at ").append(stack.directory()).append(" as a remote deployment.\n")
                .append("environment: ").append(name).append('\n')
                .append("topology: ").append(Path.of("scenarios/topology/two-dc.yaml").toAbsolutePath()).append('\n')
                .append("edge: ").append(stack.edgeUrl()).append('\n')
                .append("database: { name: ").append(stack.credentials().appDatabase())
                .append(", userEnv: CASEDRILL_DB_USER, passwordEnv: CASEDRILL_DB_PASSWORD }\n")
                .append("apiTokens: { clientEnv: CASEDRILL_TOKEN_CLIENT, officerEnv: CASEDRILL_TOKEN_OFFICER, partnerEnv: CASEDRILL_TOKEN_PARTNER }\n")
                .append("ssh:\n  host: 127.0.0.1\n  user: root\n  port: ").append(sshd.port)
                .append("\n  identityFile: ").append(sshd.userKey).append("\n  knownHosts: ").append(sshd.knownHosts)
                .append("\n  timeout: 120s\n  commands:\n");
        for (String action : new String[] {"kill", "stop", "start", "pause", "resume", "restart", "alive", "kill-patroni", "kill-postgres"}) {
            yaml.append("    ").append(action).append(": \"python3 ").append(NODE_CONTROL).append(' ').append(stack.directory())
                    .append(" {node} ").append(action).append(' ').append(casedrill).append("\"\n");
        }
        yaml.append("nodes:\n");
        for (Node node : stack.layout().nodes()) {
            if (node.kind() == NodeKind.TOXIPROXY) {
                continue;
            }
            allow.add(node.address());
            yaml.append("  ").append(node.name()).append(": { host: ").append(node.address()).append(", endpoints: { ")
                    .append(node.ports().entrySet().stream().map(p -> p.getKey() + ": " + p.getValue()).collect(Collectors.joining(", ")))
                    .append(" }, control: { ssh: {} } }\n");
        }
        yaml.append("links:\n");
        for (Link link : stack.layout().links()) {
            yaml.append("  ").append(link.name()).append(": { toxiproxy: ").append(api).append(", proxy: ").append(link.name()).append(" }\n");
        }
        yaml.append("allow: [").append(String.join(", ", allow)).append("]\n");
        if (partitionTemplates) {
            yaml.append("partitions:\n");
            for (String site : new String[] {"dc1", "dc2"}) {
                yaml.append("  ").append(site).append(":\n    cut: \"").append(casedrill).append(" stack partition {site} {peer} --mode {mode} --stack ")
                        .append(stack.directory()).append("\"\n    heal: \"").append(casedrill).append(" stack heal-partitions --stack ")
                        .append(stack.directory()).append("\"\n");
            }
        }
        Path file = dir.resolve(partitionTemplates ? name + ".yaml" : "environment.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** The variables the environment names, with the stack's values, for the harness's process environment. */
    static Map<String, String> variables(LocalStack stack) {
        Credentials c = stack.credentials();
        return Map.of("CASEDRILL_DB_USER", c.appUser(), "CASEDRILL_DB_PASSWORD", c.appPassword(),
                "CASEDRILL_TOKEN_CLIENT", c.clientToken(), "CASEDRILL_TOKEN_OFFICER", c.officerToken(),
                "CASEDRILL_TOKEN_PARTNER", c.partnerToken());
    }

    /** {@code dir/casedrill}: this build's CLI, for the node starts that need the stack's recipes. */
    private static Path casedrillWrapper(Path dir) throws IOException {
        Path wrapper = dir.resolve("casedrill");
        Files.writeString(wrapper, "#!/bin/sh\nexec " + Path.of(System.getProperty("java.home"), "bin", "java") + " -cp "
                + DrillTestStack.absoluteClassPath() + " casedrill.cli.Main \"$@\"\n");
        wrapper.toFile().setExecutable(true);
        return wrapper;
    }
}

package casedrill.stack.containers;

import casedrill.stack.HostPort;
import casedrill.stack.RunningStack;
import casedrill.stack.StackLayout;
import casedrill.stack.StackOptions;
import casedrill.stack.StackProvider;
import casedrill.stack.StackRef;
import casedrill.stack.recipe.RecipeContext;
import casedrill.stack.recipe.RunUser;
import casedrill.toxiproxy.ToxiproxyClients;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import eu.rekawek.toxiproxy.Proxy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stacks as containers on a local Docker engine, one network per site, images built here and never pulled. */
public final class ContainersStackProvider implements StackProvider {
    public static final String NAME = "containers";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe(StackLayout layout) {
        return "starts the " + layout.topology() + " stack as " + layout.nodes().size() + " containers on the local Docker engine ("
                + layout.sites().size() + " site networks, cross-site traffic through the link-proxy container)";
    }

    @Override
    public RunningStack up(StackLayout layout, StackOptions options) {
        return ContainersStart.up(layout, options);
    }

    /**
     * Rebuilds the handle from the engine: the containers labelled with the stack id, their {@link StackLabels#SPEC}
     * and published ports; the secrets from the run directory. Closing it leaves the stack running.
     */
    @Override
    public RunningStack attach(StackRef ref) {
        if (!ref.provider().equals(NAME)) {
            throw new IllegalArgumentException("stack " + ref + " belongs to provider " + ref.provider() + ", not " + NAME);
        }
        DockerClient docker = Engine.client();
        String id = ref.locator();
        List<LabelledStack.Seen> seen = Engine.containersOf(docker, id).stream()
                .map(c -> new LabelledStack.Seen(c.getLabels(), published(docker.inspectContainerCmd(c.getId()).exec()))).toList();
        LabelledStack found = LabelledStack.of(id, seen);
        StackSpec spec = found.labels().spec();
        Path runRoot = found.labels().runRoot();
        StackOptions defaults = StackOptions.defaults();
        StackOptions options = new StackOptions(runRoot, false, false, defaults.patroniHome(), defaults.pgBinDir(), defaults.jar(),
                null, spec.readyTimeout(), spec.variant(), 0);
        Path dir = runRoot.resolve(id);
        RecipeContext ctx = new RecipeContext(id, dir, found.hostView(), options, SecretsFile.read(dir).orElse(null), RunUser.forStack());
        return new ContainersStack(id, docker, ContainerLayout.of(spec.layout()), found.hostView(), ctx, Map.of(), false);
    }

    /** Where the engine publishes each container port on the host; kept while the container is stopped or killed. */
    private static Map<Integer, Integer> published(InspectContainerResponse container) {
        Map<Integer, Integer> ports = new HashMap<>();
        container.getHostConfig().getPortBindings().getBindings().forEach((exposed, bindings) -> {
            if (bindings != null && bindings.length > 0) {
                ports.put(exposed.getPort(), Integer.parseInt(bindings[0].getHostPortSpec()));
            }
        });
        return ports;
    }

    /**
     * The one stack labelled as started under the options' run root (as {@code <runRoot>/current} is the local
     * provider's); several are refused, naming them, since guessing would drill or take down the wrong one.
     */
    @Override
    public Optional<StackRef> current(StackOptions options) {
        Path root = StackLabels.root(options.runRoot());
        List<String> ids = Engine.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(StackLabels.RUN_ROOT, root.toString())).exec().stream()
                .map(c -> c.getLabels().get(StackLabels.STACK)).toList();
        return StackLabels.onlyStack(root, ids).map(id -> new StackRef(NAME, id));
    }

    /** Sites share no network: the link proxy carries every cross-site byte, so a cut is exact unless a link serves a third site. */
    @Override
    public Optional<String> whyNotExact(List<String> sites) {
        return Optional.empty();
    }

    @Override
    public int removePartitions(StackRef where, String stackId) {
        var docker = Engine.client();
        var proxy = Engine.containersOf(docker, stackId).stream()
                .filter(c -> c.getLabels().getOrDefault(NodeContainers.NODE_LABEL, "").equals("toxiproxy")).findFirst();
        if (proxy.isEmpty()) {
            return 0;
        }
        int api = java.util.Arrays.stream(proxy.get().getPorts()).filter(p -> p.getPrivatePort() == 8474 && p.getPublicPort() != null)
                .map(p -> p.getPublicPort()).findFirst().orElse(-1);
        return api < 0 ? 0 : enableAll(new HostPort("127.0.0.1", api));
    }

    /** Enables every disabled proxy of the link proxy at {@code api}; returns how many it enabled. */
    static int enableAll(HostPort api) {
        try {
            int enabled = 0;
            for (Proxy p : ToxiproxyClients.connect(api.host(), api.port()).getProxies()) {
                if (!p.isEnabled()) {
                    p.enable();
                    enabled++;
                }
            }
            return enabled;
        } catch (IOException e) {
            throw new IllegalStateException("cannot enable the link proxies at " + api + ": " + e.getMessage(), e);
        }
    }
}

package casedrill.stack;

import casedrill.toxiproxy.ToxiproxyClients;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The links' proxies at their baseline: every proxy of a link exists and is enabled, and carries no toxic. */
final class BaselineProxies {
    private BaselineProxies() {
    }

    /** Removes every toxic and enables every proxy; returns what it changed. */
    static List<BaselineCheck.Repair> restore(HostPort api) throws IOException {
        List<BaselineCheck.Repair> repairs = new ArrayList<>();
        for (Proxy proxy : client(api).getProxies()) {
            for (Toxic toxic : proxy.toxics().getAll()) {
                toxic.remove();
                repairs.add(new BaselineCheck.Repair(BaselineCheck.Repair.Kind.TOXIC_REMOVED, proxy.getName() + "/" + toxic.getName()));
            }
            if (!proxy.isEnabled()) {
                proxy.enable();
                repairs.add(new BaselineCheck.Repair(BaselineCheck.Repair.Kind.PROXY_ENABLED, proxy.getName()));
            }
        }
        return repairs;
    }

    /** Reads every proxy back against the links the layout names. */
    static BaselineCheck.Check verify(HostPort api, List<String> linkNames) {
        List<String> wrong = new ArrayList<>();
        int proxies;
        try {
            ToxiproxyClient client = client(api);
            List<Proxy> all = client.getProxies();
            proxies = all.size();
            List<String> names = all.stream().map(Proxy::getName).toList();
            linkNames.stream().filter(l -> !names.contains(l)).forEach(l -> wrong.add(l + " missing"));
            for (Proxy proxy : all) {
                if (!proxy.isEnabled()) {
                    wrong.add(proxy.getName() + " disabled");
                }
                List<? extends Toxic> toxics = proxy.toxics().getAll();
                if (!toxics.isEmpty()) {
                    wrong.add(proxy.getName() + " has " + toxics.stream().map(Toxic::getName).toList());
                }
            }
        } catch (IOException | RuntimeException e) {
            return new BaselineCheck.Check(BaselineCheck.Rule.PROXIES, false, "Toxiproxy API " + api + " unreadable: " + e.getMessage());
        }
        return new BaselineCheck.Check(BaselineCheck.Rule.PROXIES, wrong.isEmpty(),
                wrong.isEmpty() ? proxies + " proxies enabled, no toxic" : String.join(", ", wrong));
    }

    private static ToxiproxyClient client(HostPort api) {
        return ToxiproxyClients.connect(api.host(), api.port());
    }
}

package casedrill.fault;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.util.List;

/** Enables proxies again (heal of a rejecting partition); a missing or enabled proxy is left alone. */
public final class ProxySwitch {
    private ProxySwitch() {
    }

    public static int enable(ToxiproxyClient client, List<String> proxies) throws IOException {
        int enabled = 0;
        for (String name : proxies) {
            Proxy proxy = client.getProxyOrNull(name);
            if (proxy != null && !proxy.isEnabled()) {
                proxy.enable();
                enabled++;
            }
        }
        return enabled;
    }
}

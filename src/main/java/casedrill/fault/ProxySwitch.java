package casedrill.fault;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Enables proxies again (heal of a rejecting partition) and reads back that they are enabled; a proxy the server
 * answers it does not have is left alone, a server that does not answer throws.
 */
public final class ProxySwitch {
    private ProxySwitch() {
    }

    public static int enable(ToxiproxyClient client, List<String> proxies) throws IOException {
        int enabled = 0;
        Map<String, Proxy> all = ToxicDirections.byName(client);
        for (String name : proxies) {
            Proxy proxy = all.get(name);
            if (proxy != null && !proxy.isEnabled()) {
                proxy.enable();
                enabled++;
            }
        }
        Map<String, Proxy> after = ToxicDirections.byName(client);
        List<String> disabled = proxies.stream().filter(n -> after.containsKey(n) && !after.get(n).isEnabled()).toList();
        if (!disabled.isEmpty()) {
            throw new IOException("proxies " + disabled + " are still disabled after enabling them");
        }
        return enabled;
    }
}

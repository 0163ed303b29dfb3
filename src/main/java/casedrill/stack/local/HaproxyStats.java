package casedrill.stack.local;

import java.util.List;

/** Reads HAProxy's CSV stats page: which servers of a proxy are UP. */
final class HaproxyStats {
    private HaproxyStats() {
    }

    static long serversUp(String statsEndpoint, String proxy) {
        return upServers(statsEndpoint, proxy).size();
    }

    /** Names of the servers of {@code proxy} whose status is UP; empty when the page does not answer. */
    static List<String> upServers(String statsEndpoint, String proxy) {
        Probes.Answer csv = Probes.get("http://" + statsEndpoint + "/;csv");
        if (!csv.ok()) {
            return List.of();
        }
        // Columns: pxname, svname, ... status is the 18th (index 17).
        return csv.body().lines().filter(l -> !l.startsWith("#")).map(l -> l.split(","))
                .filter(f -> f.length > 17 && f[0].equals(proxy) && !f[1].equals("FRONTEND") && !f[1].equals("BACKEND"))
                .filter(f -> f[17].startsWith("UP"))
                .map(f -> f[1]).toList();
    }
}

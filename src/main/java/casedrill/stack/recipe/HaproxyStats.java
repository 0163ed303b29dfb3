package casedrill.stack.recipe;

import java.util.List;

/** Reads HAProxy's CSV stats page: which servers of a proxy are UP. */
final class HaproxyStats {
    private HaproxyStats() {
    }

    private static final int STATUS = 17;
    private static final int CHECK_STATUS = 36;

    /** Servers of {@code proxy} UP by a passed health check; 0 while any UP server is still unchecked. */
    static long serversUp(String statsEndpoint, String proxy) {
        List<Server> servers = servers(statsEndpoint, proxy);
        // HAProxy starts every server UP before its first check: a replica would take writes until checked.
        if (servers.stream().anyMatch(s -> s.status().startsWith("UP") && !s.checkPassed())) {
            return 0;
        }
        return servers.stream().filter(s -> s.status().equals("UP")).count();
    }

    private static List<Server> servers(String statsEndpoint, String proxy) {
        Probes.Answer csv = Probes.get("http://" + statsEndpoint + "/;csv");
        if (!csv.ok()) {
            return List.of();
        }
        return csv.body().lines().filter(l -> !l.startsWith("#")).map(l -> l.split(",", -1))
                .filter(f -> f.length > CHECK_STATUS && f[0].equals(proxy))
                .filter(f -> !f[1].equals("FRONTEND") && !f[1].equals("BACKEND"))
                .map(f -> new Server(f[1], f[STATUS], f[CHECK_STATUS])).toList();
    }

    private record Server(String name, String status, String checkStatus) {
        boolean checkPassed() {
            return checkStatus.startsWith("L7OK") || checkStatus.startsWith("L4OK");
        }
    }
}

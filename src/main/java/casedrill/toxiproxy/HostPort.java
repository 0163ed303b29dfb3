package casedrill.toxiproxy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * A {@code host:port} string split and formatted the way Go's net package does it, so listen
 * addresses compare and report like the reference server's ({@code [::]:8666}, {@code [::1]:0}).
 */
record HostPort(String host, int port) {

    /** Splits without resolving; the message is Go's for the same mistake. */
    static HostPort parse(String address) {
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("address " + address + ": missing port in address");
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("address " + address + ": too many colons in address");
        }
        String port = address.substring(colon + 1);
        try {
            int p = Integer.parseInt(port);
            if (p < 0 || p > 65535 || port.startsWith("+")) {
                throw new NumberFormatException();
            }
            return new HostPort(host, p);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("address " + address + ": invalid port");
        }
    }

    /** Hostnames become IP addresses (IPv4 first); an empty host stays empty (all interfaces). */
    HostPort resolved() {
        if (host.isEmpty()) {
            return this;
        }
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            InetAddress pick = all[0];
            for (InetAddress a : all) {
                if (a instanceof Inet4Address) {
                    pick = a;
                    break;
                }
            }
            return new HostPort(format(pick), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("lookup " + host + ": no such host");
        }
    }

    /** The address to bind: empty host and 0.0.0.0 mean every interface, dual-stack. */
    InetSocketAddress bindAddress() {
        HostPort r = resolved();
        if (r.host.isEmpty() || r.host.equals("0.0.0.0") || r.host.equals("::")) {
            return new InetSocketAddress(port);
        }
        return new InetSocketAddress(r.host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** A bound socket's address as Go reports it: the wildcard is {@code [::]}. */
    static String formatBound(InetSocketAddress bound) {
        InetAddress a = bound.getAddress();
        String host = a.isAnyLocalAddress() ? "::" : format(a);
        return new HostPort(host, bound.getPort()).toString();
    }

    private static String format(InetAddress a) {
        return a instanceof Inet6Address v6 ? compress(v6.getAddress()) : a.getHostAddress();
    }

    /** RFC 5952 text: the longest run of two or more zero groups becomes "::". */
    private static String compress(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLen - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
                s.append(':');
            }
            s.append(Integer.toHexString(g[i]));
        }
        return s.toString();
    }
}

package casedrill.stack.local;

import casedrill.stack.Endpoints;
import casedrill.stack.Partition;
import casedrill.stack.StackLayout;
import casedrill.topology.Link;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The iptables rules that cut two sites apart. Every cross-site connection goes through a link
 * proxy, so a site is cut from a link by dropping its client leg (client process → proxy listen
 * address) and the proxy's answers on that leg. A link only one site dials needs no owner match;
 * a shared one (an etcd peer address serves two sites) is told apart by the client's Unix user,
 * and its answers by a connection mark set from that user's packets. Pure: tests check the rules.
 */
public final class PartitionRules {
    private PartitionRules() {
    }

    /** One rule's match and target, without the chain: {@code iptables -A <chain> <args>}. */
    public record Rule(List<String> args) {
        public Rule {
            args = List.copyOf(args);
        }
    }

    /** The rules for {@code pair}, or the reason they cannot be exact (a shared link whose client site has no own user). */
    public record Cut(List<Rule> rules, List<String> inexact) {
    }

    /**
     * @param siteUser the Unix user of each site's processes, or null when the site has none of its own
     * @param siteMark a connection mark per site (non-zero, distinct, within 0xff00)
     */
    public static Cut of(StackLayout layout, Partition.SitePair pair, Partition.Mode mode,
                         Function<String, String> siteUser, Function<String, Integer> siteMark, String comment) {
        List<Rule> rules = new ArrayList<>();
        List<String> inexact = new ArrayList<>();
        for (Link link : layout.links()) {
            String toSite = layout.node(link.to()).site();
            Set<String> fromSites = link.from().stream().map(n -> layout.node(n).site()).collect(Collectors.toSet());
            for (String client : List.of(pair.a(), pair.b())) {
                String server = client.equals(pair.a()) ? pair.b() : pair.a();
                if (!toSite.equals(server) || !fromSites.contains(client)) {
                    continue;
                }
                String ip = Endpoints.host(link.listen());
                String port = Integer.toString(Endpoints.port(link.listen()));
                List<String> answers = List.of("-s", ip, "-p", "tcp", "--sport", port);
                List<String> requests = List.of("-d", ip, "-p", "tcp", "--dport", port);
                if (fromSites.size() == 1) {
                    rules.add(rule(requests, List.of(), mode, comment));
                    rules.add(rule(answers, List.of(), mode, comment));
                } else if (siteUser.apply(client) == null) {
                    inexact.add(link.name() + " is shared by sites " + fromSites + " and site " + client + " has no own user");
                } else {
                    List<String> owner = List.of("-m", "owner", "--uid-owner", siteUser.apply(client));
                    String mark = "0x%x/0xff00".formatted(siteMark.apply(client));
                    rules.add(new Rule(concat(requests, owner, List.of("-j", "CONNMARK", "--set-xmark", mark), comment)));
                    rules.add(rule(requests, owner, mode, comment));
                    rules.add(rule(answers, List.of("-m", "connmark", "--mark", mark), mode, comment));
                }
            }
        }
        return new Cut(rules, inexact);
    }

    private static Rule rule(List<String> match, List<String> extra, Partition.Mode mode, String comment) {
        List<String> target = mode == Partition.Mode.DROP ? List.of("-j", "DROP")
                : List.of("-j", "REJECT", "--reject-with", "tcp-reset");
        return new Rule(concat(match, extra, target, comment));
    }

    private static List<String> concat(List<String> match, List<String> extra, List<String> target, String comment) {
        List<String> args = new ArrayList<>(match);
        args.addAll(extra);
        args.addAll(List.of("-m", "comment", "--comment", comment));
        args.addAll(target);
        return args;
    }
}

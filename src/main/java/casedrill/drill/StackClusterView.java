package casedrill.drill;

import casedrill.history.Event;
import casedrill.stack.RunningStack;
import casedrill.stack.StackStatus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The cluster as Patroni reports it (the stack's status) and as each PostgreSQL answers {@code pg_is_in_recovery()}
 * itself — Patroni may be the process that died while its PostgreSQL still takes writes. Every question runs on its own
 * daemon thread and is waited for at most {@code deadline}; what did not answer by then is unknown in the sample.
 */
final class StackClusterView implements ClusterView {
    /** Appended to each member's URL: pgjdbc takes the last value of a parameter, and its timeouts are in whole seconds. */
    private static final String SHORT_TIMEOUTS = "&connectTimeout=1&socketTimeout=1&loginTimeout=1";

    private static final String POSTGRES = "postgres";

    private final Supplier<StackStatus> status;
    private final Function<String, String> dbUrl;
    private final String user;
    private final String password;
    /** The database members, from the stack's status; known after its first answer, and never forgotten. */
    private final Set<String> members = new LinkedHashSet<>();
    private final Duration deadline;
    private final ExecutorService askers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cluster-view");
        t.setDaemon(true);
        return t;
    });

    StackClusterView(Supplier<StackStatus> status, Function<String, String> dbUrl, String user, String password,
                     Duration deadline) {
        this.status = status;
        this.dbUrl = dbUrl;
        this.user = user;
        this.password = password;
        this.deadline = deadline;
    }

    /** The stack's database members, asked with the application's credentials, each sample within 900 ms. */
    static StackClusterView of(RunningStack stack) {
        return new StackClusterView(stack::status, stack::dbUrlFor, stack.credentials().appUser(),
                stack.credentials().appPassword(), Duration.ofMillis(900));
    }

    @Override
    public Event.ClusterSample sample(long offsetMs) {
        long until = System.nanoTime() + deadline.toNanos();
        Future<StackStatus> patroni = askers.submit(status::get);
        // Until the status first answers, nobody knows whom to ask; after that each member is asked beside it.
        Answer<StackStatus> first = members.isEmpty() ? answer(patroni, until) : null;
        learnMembers(first == null ? null : first.value());
        List<String> asked = List.copyOf(members);
        List<Future<Boolean>> writable = asked.stream().map(m -> askers.submit(() -> writable(m))).toList();
        StackStatus seen = (first != null ? first : answer(patroni, until)).value();
        learnMembers(seen);
        Map<String, StackStatus.Replica> byName = seen == null ? Map.of()
                : seen.replication().stream().collect(Collectors.toMap(StackStatus.Replica::name, r -> r, (a, b) -> a));
        List<Event.ClusterMember> sampled = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            StackStatus.Replica r = byName.get(asked.get(i));
            Answer<Boolean> sql = answer(writable.get(i), until);
            sampled.add(new Event.ClusterMember(asked.get(i), r == null ? null : r.role(), r == null ? null : r.state(),
                    r == null || r.timeline() < 0 ? null : r.timeline(), r == null || r.lagBytes() < 0 ? null : r.lagBytes(),
                    sql.value(), sql.error()));
        }
        String leader = seen == null || seen.leader() == null || seen.leader().equals("none") ? null : seen.leader();
        return new Event.ClusterSample(offsetMs, leader, sampled);
    }

    private void learnMembers(StackStatus seen) {
        if (seen != null) {
            seen.nodes().stream().filter(n -> n.kind().equals(POSTGRES)).forEach(n -> members.add(n.name()));
        }
    }

    private Boolean writable(String member) throws SQLException {
        try (Connection db = DriverManager.getConnection(dbUrl.apply(member) + SHORT_TIMEOUTS, user, password);
             Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_is_in_recovery()")) {
            rs.next();
            return !rs.getBoolean(1);
        }
    }

    /** A value, or null with the reason it is unknown. */
    private record Answer<T>(T value, String error) {
    }

    private static <T> Answer<T> answer(Future<T> question, long untilNanos) {
        try {
            return new Answer<>(question.get(Math.max(0, untilNanos - System.nanoTime()), TimeUnit.NANOSECONDS), null);
        } catch (TimeoutException | CancellationException e) {
            question.cancel(true);
            return new Answer<>(null, "no answer within the sample's deadline");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new Answer<>(null, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer<>(null, "interrupted");
        }
    }

    @Override
    public void close() {
        askers.shutdownNow();
    }
}

package casedrill.probe;

import casedrill.history.Event;
import casedrill.history.History;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Every acknowledged intake and every in-doubt one, from probes and load alike. Non-blocking (called on Netty
 * event loops); each entry also goes to the history, from which {@link #from(History)} rebuilds the ledger.
 *
 * <p>201/200 is acknowledged. No response (timeout, connection lost after sending) and 5xx (the gslb's 502/504,
 * or the service failing around its commit) are in doubt: either outcome is acceptable. A refused connection and
 * a 4xx are definite rejections and are not recorded.
 */
public final class WriteLedger {
    private final Consumer<Event> history;
    private final Queue<Event.WriteAcked> acknowledged = new ConcurrentLinkedQueue<>();
    private final Queue<Event.WriteInDoubt> inDoubt = new ConcurrentLinkedQueue<>();

    public WriteLedger(Consumer<Event> history) {
        this.history = history;
    }

    public static WriteLedger from(History history) {
        WriteLedger ledger = new WriteLedger(e -> { });
        history.all(Event.WriteAcked.class).forEach(ledger.acknowledged::add);
        history.all(Event.WriteInDoubt.class).forEach(ledger.inDoubt::add);
        return ledger;
    }

    public void record(IntakeAttempt a) {
        if (a.status() == 200 || a.status() == 201) {
            add(new Event.WriteAcked(a.doneMs(), a.sentMs(), a.idempotencyKey(), a.caseId(), a.sha256(),
                    a.node(), a.systemId(), a.timeline()));
        } else if (a.status() >= 500) {
            add(new Event.WriteInDoubt(a.doneMs(), a.sentMs(), a.idempotencyKey(), a.sha256(), a.node(),
                    "http " + a.status()));
        } else if (a.status() == 0 && a.failure() != IntakeAttempt.Failure.REFUSED) {
            add(new Event.WriteInDoubt(a.doneMs(), a.sentMs(), a.idempotencyKey(), a.sha256(), a.node(),
                    a.failure().name().toLowerCase().replace('_', ' ')));
        }
    }

    private void add(Event.WriteAcked e) {
        acknowledged.add(e);
        history.accept(e);
    }

    private void add(Event.WriteInDoubt e) {
        inDoubt.add(e);
        history.accept(e);
    }

    public List<Event.WriteAcked> acknowledged() {
        return List.copyOf(acknowledged);
    }

    public List<Event.WriteInDoubt> inDoubt() {
        return List.copyOf(inDoubt);
    }
}

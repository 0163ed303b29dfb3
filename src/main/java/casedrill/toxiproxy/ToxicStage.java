package casedrill.toxiproxy;

import casedrill.toxiproxy.toxic.Chunk;
import casedrill.toxiproxy.toxic.CleanupToxic;
import casedrill.toxiproxy.toxic.CloseAwareToxic;
import casedrill.toxiproxy.toxic.IdleToxic;
import casedrill.toxiproxy.toxic.StatefulToxic;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One toxic running on one link: a FIFO of held items, the {@link Plan} for the item at its head, and
 * at most one timer. Confined to the link's event loop. Interruptible between any two steps:
 * removal passes every byte not yet emitted or dropped on, in order; an update re-plans them.
 */
final class ToxicStage {
    private final Link link;
    private InstalledToxic installed;
    private boolean active;

    private final ArrayDeque<Held> queue = new ArrayDeque<>();
    private Held current;
    private final Plan plan = new Plan();
    private int stepIndex;
    private long virtualNow;
    private ScheduledFuture<?> timer;
    private ScheduledFuture<?> idleTimer;
    private boolean closed;
    private boolean gone;

    ToxicStage(Link link, InstalledToxic installed) {
        this.link = link;
        this.installed = installed;
        if (installed.toxic() instanceof StatefulToxic stateful) {
            plan.state = stateful.newState();
        }
        active = sample(installed.toxicity());
        armIdleTimer();
    }

    String name() {
        return installed.name();
    }

    InstalledToxic installed() {
        return installed;
    }

    void offer(Held item) {
        if (closed || gone) {
            link.discard(item);
            return;
        }
        queue.add(item);
        if (current == null) {
            virtualNow = System.nanoTime();
            run();
        }
    }

    /** Replaces the toxic's attributes or toxicity and re-plans what it still holds. */
    void update(InstalledToxic newer) {
        if (newer == installed || closed || gone) {
            return;
        }
        installed = newer;
        if (plan.state == null && newer.toxic() instanceof StatefulToxic stateful) {
            plan.state = stateful.newState();
        }
        active = sample(newer.toxicity());
        cancelTimer();
        if (current != null) {
            // the unsent rest of the current item is planned again under the new attributes
            if (current.isEof() || current.data().isReadable()) {
                queue.addFirst(current);
            } else {
                current.data().release();
            }
            current = null;
        }
        armIdleTimer();
        if (!queue.isEmpty()) {
            virtualNow = System.nanoTime();
            run();
        }
    }

    /** Takes the stage out of the chain: forwards what it holds, then runs the toxic's cleanup. */
    void remove() {
        if (gone) {
            return;
        }
        cancelTimer();
        cancelIdleTimer();
        if (current != null) {
            passOnOrRelease(current);
            current = null;
        }
        for (Held item; (item = queue.poll()) != null; ) {
            link.forward(this, item);
        }
        if (!closed && active && installed.toxic() instanceof CleanupToxic cleanup) {
            plan.clear();
            cleanup.cleanup(plan);
            for (Step step : plan.steps()) {
                if (step instanceof Step.Close) {
                    link.forward(this, Held.EOF);
                } else if (step instanceof Step.Reset) {
                    link.resetConnection();
                }
            }
        }
        closed = true;
        gone = true;
    }

    /** The link is dead: release everything, fire nothing more. */
    void dispose() {
        gone = true;
        discardAll();
    }

    private void discardAll() {
        cancelTimer();
        cancelIdleTimer();
        if (current != null) {
            link.discard(current);
            current = null;
        }
        for (Held item; (item = queue.poll()) != null; ) {
            link.discard(item);
        }
    }

    private void run() {
        while (!gone && !closed) {
            if (current == null) {
                current = queue.poll();
                if (current == null) {
                    return;
                }
                planFor(current);
            }
            if (!execute()) {
                return;
            }
            passOnOrRelease(current);
            current = null;
            armIdleTimer();
        }
    }

    /** Forwards what a finished or interrupted item still holds, so no byte is lost. */
    private void passOnOrRelease(Held item) {
        if (item.isEof() || item.data().isReadable()) {
            link.forward(this, item);
        } else {
            item.data().release();
        }
    }

    private void planFor(Held item) {
        plan.clear();
        stepIndex = 0;
        if (item.isEof()) {
            if (active && installed.toxic() instanceof CloseAwareToxic aware) {
                aware.onSourceClosed(plan);
            } else {
                plan.close();
            }
        } else if (active) {
            installed.toxic().pipe(new Chunk(item.length(), item.arrivedNanos()), plan);
        } else {
            plan.emit(item.length());
        }
    }

    /** Runs steps until the plan is done (true) or waits for a timer, a stall or a close (false). */
    private boolean execute() {
        List<Step> steps = plan.steps();
        while (stepIndex < steps.size()) {
            if (gone) {
                return false;
            }
            Step step = steps.get(stepIndex);
            if (step instanceof Step.Emit emit) {
                stepIndex++;
                int n = Math.min(emit.length(), current.length());
                if (n > 0) {
                    // the next stage sees the piece arrive when it leaves this one, so latencies add up
                    long left = Math.max(current.arrivedNanos(), virtualNow);
                    link.forward(this, new Held(current.data().readRetainedSlice(n), left));
                }
            } else if (step instanceof Step.Drop) {
                stepIndex++;
                int n = current.length();
                if (n > 0) {
                    current.data().skipBytes(n);
                    link.released(n);
                }
            } else if (step instanceof Step.SleepFor sleep) {
                if (!waitUntil(virtualNow + sleep.nanos())) {
                    return false;
                }
            } else if (step instanceof Step.SleepUntil sleep) {
                if (!waitUntil(Math.max(virtualNow, sleep.deadlineNanos()))) {
                    return false;
                }
            } else if (step instanceof Step.Stall) {
                return false;
            } else if (step instanceof Step.Close) {
                closeDownstream();
                return false;
            } else if (step instanceof Step.Reset) {
                closed = true;
                link.resetConnection();
                return false;
            }
        }
        return true;
    }

    private boolean waitUntil(long deadline) {
        virtualNow = deadline;
        long wait = deadline - System.nanoTime();
        if (wait <= 0) {
            stepIndex++;
            return true;
        }
        timer = link.eventLoop().schedule(this::timerFired, wait, TimeUnit.NANOSECONDS);
        return false;
    }

    private void timerFired() {
        timer = null;
        if (gone || closed || current == null) {
            return;
        }
        stepIndex++;
        run();
        link.flush();
    }

    private void closeDownstream() {
        closed = true;
        discardAll();
        link.forward(this, Held.EOF);
    }

    private void armIdleTimer() {
        cancelIdleTimer();
        if (active && !closed && installed.toxic() instanceof IdleToxic idle && idle.idleCloseMillis() > 0) {
            idleTimer = link.eventLoop().schedule(() -> {
                idleTimer = null;
                if (!gone && !closed) {
                    closeDownstream();
                    link.flush();
                }
            }, idle.idleCloseMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void cancelIdleTimer() {
        if (idleTimer != null) {
            idleTimer.cancel(false);
            idleTimer = null;
        }
    }

    private static boolean sample(float toxicity) {
        return ThreadLocalRandom.current().nextFloat() < toxicity;
    }
}

package casedrill.drill;

import casedrill.provider.StackProviders;
import casedrill.scenario.Scenario;
import casedrill.stack.BaselineCheck;
import casedrill.stack.BaselineReset;
import casedrill.topology.DbVariant;
import casedrill.stack.PreparedStack;
import casedrill.stack.RunningStack;
import casedrill.stack.StackLayout;
import casedrill.stack.StackOptions;
import casedrill.stack.StackOrigin;
import casedrill.stack.StackProvider;
import casedrill.stack.StackRef;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One stack per kind of drill (provider, topology, database variant, address shift), kept across drills: before each
 * drill the kept stack is reset to its baseline and verified ({@link BaselineReset}); a stack that fails verification
 * is taken down and a fresh one started, and the drill's result says so. A fresh stack is verified the same way, so
 * every drill of a pool starts from a read-back baseline. Kinds at the same address shift would share addresses, so
 * starting one takes the other kept one down. The pool records its stacks ({@link ReusableStacks}) so that
 * a later process ({@code run --reuse}) finds them; {@link #close} takes down what it holds unless told to keep them.
 */
public final class StackPool implements AutoCloseable {
    /** Bounds each wait of a reset (leader, replication, readiness); a stack that needs longer is replaced. */
    static final Duration RESET_WAIT = Duration.ofSeconds(60);

    private final Function<String, StackProvider> providers;
    private final Function<RunningStack, BaselineCheck> resets;
    private final StackOptions stackOptions;
    private final boolean keep;
    private final PrintStream out;
    private final ReusableStacks records;
    private final Map<String, RunningStack> held = new LinkedHashMap<>();

    /**
     * @param keep leave the stacks running (and recorded) when the pool closes, for a later {@code run --reuse}
     */
    public StackPool(StackOptions stackOptions, boolean keep, PrintStream out) {
        this(StackProviders::byName, stack -> new BaselineReset(stack, RESET_WAIT, out::println).run(), stackOptions, keep, out);
    }

    /** Tests pass fake providers and canned verifications, so replacing a stack is tested without one. */
    StackPool(Function<String, StackProvider> providers, Function<RunningStack, BaselineCheck> resets, StackOptions stackOptions,
              boolean keep, PrintStream out) {
        this.providers = providers;
        this.resets = resets;
        this.stackOptions = stackOptions;
        this.keep = keep;
        this.out = out;
        this.records = new ReusableStacks(stackOptions.runRoot());
    }

    /** The options of a drill of {@code scenario} on this pool's stack of its kind, reset and verified just now. */
    public DrillOptions prepare(Scenario scenario, DrillOptions options) {
        StackProvider provider = providers.apply(DrillRunner.providerName(scenario, options));
        DbVariant variant = scenario.stack().variant();
        String key = key(provider.name(), scenario.topology().name(), variant, options.addressShift());
        BaselineCheck rejected = null;
        Optional<RunningStack> kept = kept(key, provider, scenario);
        if (kept.isPresent()) {
            BaselineCheck check = reset(kept.get());
            if (check.passed()) {
                return options.withPrepared(new PreparedStack(kept.get().ref(), StackOrigin.REUSED, check, null));
            }
            out.println("stack " + kept.get().id() + ": " + check.describe() + "; taking it down and starting a fresh one");
            rejected = check;
            held.remove(key);
            records.forget(key);
            kept.get().down(false);
        }
        // Stacks at one address shift share their addresses: another kind kept there must go first.
        downOthersAt(provider, key, options.addressShift());
        RunningStack fresh = provider.up(StackLayout.of(scenario.topology()),
                stackOptions.withVariant(variant).withAddressShift(options.addressShift()));
        held.put(key, fresh);
        records.record(key, fresh.ref());
        return options.withPrepared(new PreparedStack(fresh.ref(), StackOrigin.FRESH, reset(fresh), rejected));
    }

    private BaselineCheck reset(RunningStack stack) {
        out.println("stack " + stack.id() + ": resetting to its baseline and verifying it");
        BaselineCheck check = resets.apply(stack);
        out.println("stack " + stack.id() + ": " + check.describe());
        return check;
    }

    /** The stack this pool holds for the key, else the recorded one if it can be attached and is of the same kind. */
    private Optional<RunningStack> kept(String key, StackProvider provider, Scenario scenario) {
        RunningStack stack = held.get(key);
        if (stack != null) {
            return Optional.of(stack);
        }
        Optional<StackRef> ref = records.find(key);
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        try {
            RunningStack attached = provider.attach(ref.get());
            if (ScenarioVariant.mismatch(scenario, attached.id(), attached.variant()).isPresent()) {
                records.forget(key);
                return Optional.empty();
            }
            held.put(key, attached);
            return Optional.of(attached);
        } catch (RuntimeException gone) {
            out.println("recorded stack " + ref.get() + " cannot be attached (" + gone.getMessage() + "); starting a fresh one");
            records.forget(key);
            return Optional.empty();
        }
    }

    private void downOthersAt(StackProvider provider, String key, int addressShift) {
        for (String other : records.keys()) {
            if (other.equals(key) || !other.startsWith(provider.name() + "-") || !other.endsWith("-shift" + addressShift)) {
                continue;
            }
            RunningStack stack = held.remove(other);
            try {
                if (stack == null) {
                    stack = provider.attach(records.find(other).orElseThrow());
                }
                out.println("stack " + stack.id() + ": kept for another kind of drill at the same addresses; taking it down");
                stack.down(false);
            } catch (RuntimeException gone) {
                // its stack is gone already: only the record was left
            }
            records.forget(other);
        }
    }

    /** One file name per kind of stack: "local-two-dc-sync-p4-router-shift0". */
    static String key(String provider, String topology, DbVariant variant, int addressShift) {
        String raw = provider + "-" + topology + "-" + (variant.synchronous() ? "sync" : "async") + "-p" + variant.patroni()
                + "-" + (variant.multihost() ? "multihost" : "router") + (variant.paused() ? "-paused" : "") + "-shift" + addressShift;
        return raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "_");
    }

    /**
     * Takes down every stack recorded as reusable under {@code runRoot} (whoever kept it) and forgets it; a record whose
     * stack is gone is only forgotten. Returns the ids of the stacks it took down.
     */
    public static java.util.List<String> downKept(java.nio.file.Path runRoot, PrintStream out) {
        ReusableStacks records = new ReusableStacks(runRoot);
        java.util.List<String> down = new java.util.ArrayList<>();
        for (String key : records.keys()) {
            records.find(key).ifPresent(ref -> {
                try {
                    RunningStack stack = StackProviders.byName(ref.provider()).attach(ref);
                    stack.down(false);
                    down.add(stack.id());
                } catch (RuntimeException gone) {
                    out.println("kept stack " + ref + " is gone already (" + gone.getMessage() + ")");
                }
            });
            records.forget(key);
        }
        return down;
    }

    /** Takes down every stack the pool holds and forgets it, unless the pool keeps them for a later run. */
    @Override
    public void close() {
        if (keep) {
            return;
        }
        held.forEach((key, stack) -> {
            records.forget(key);
            stack.down(false);
        });
        held.clear();
    }
}

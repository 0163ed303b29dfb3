package casedrill.stack.local;

import casedrill.stack.recipe.RunUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The iptables calls a stack's partitions need, confined to the stack's own chain in the filter
 * table (jumped from OUTPUT on lo). Nothing else is ever touched: other stacks, dockerd's chains and
 * the policies stay as they are. {@code -w} waits for the xtables lock other users may hold.
 */
final class Iptables {
    private Iptables() {
    }

    /** Whether iptables can be changed here: root and a working iptables binary. */
    static boolean available() {
        return RunUser.currentUid() == 0 && run(List.of("-S", "OUTPUT")).ok();
    }

    static void ensureChain(String chain) {
        if (!run(List.of("-S", chain)).ok()) {
            require(List.of("-N", chain));
        }
        if (!run(List.of("-C", "OUTPUT", "-o", "lo", "-j", chain)).ok()) {
            require(List.of("-I", "OUTPUT", "1", "-o", "lo", "-j", chain));
        }
    }

    static void append(String chain, List<String> rule) {
        List<String> args = new ArrayList<>(List.of("-A", chain));
        args.addAll(rule);
        require(args);
    }

    /** Deletes one rule; a rule already gone is fine (heal after recover). */
    static void delete(String chain, List<String> rule) {
        List<String> args = new ArrayList<>(List.of("-D", chain));
        args.addAll(rule);
        run(args);
    }

    /** Whether the chain holds this rule now ({@code iptables -C}). */
    static boolean holds(String chain, List<String> rule) {
        List<String> args = new ArrayList<>(List.of("-C", chain));
        args.addAll(rule);
        return run(args).ok();
    }

    static void flush(String chain) {
        if (run(List.of("-S", chain)).ok()) {
            require(List.of("-F", chain));
        }
    }

    /** Removes the chain and every jump to it; a no-op when it does not exist. */
    static void remove(String chain) {
        while (run(List.of("-D", "OUTPUT", "-o", "lo", "-j", chain)).ok()) {
            // a jump inserted twice (two racing partitions) is removed twice
        }
        if (run(List.of("-S", chain)).ok()) {
            require(List.of("-F", chain));
            require(List.of("-X", chain));
        }
    }

    /** The chain's rules as {@code iptables -S} prints them; empty when the chain does not exist. */
    static List<String> rules(String chain) {
        Result r = run(List.of("-S", chain));
        return r.ok() ? r.output().lines().filter(l -> l.startsWith("-A ")).toList() : List.of();
    }

    private static void require(List<String> args) {
        Result r = run(args);
        if (!r.ok()) {
            throw new IllegalStateException("iptables " + String.join(" ", args) + " failed: " + r.output().strip());
        }
    }

    record Result(boolean ok, String output) {
    }

    static Result run(List<String> args) {
        List<String> command = new ArrayList<>(List.of("iptables", "-w", "5"));
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(false, "timed out");
            }
            return new Result(p.exitValue() == 0, new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(false, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted");
        }
    }
}

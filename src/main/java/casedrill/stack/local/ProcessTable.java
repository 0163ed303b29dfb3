package casedrill.stack.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One reading of /proc: every live process and its parent. Whole process trees are listed from one
 * pass over /proc instead of one pass per process, which keeps a site's power loss quick to prepare on
 * a loaded machine.
 */
final class ProcessTable {
    private final Map<Long, LocalProcess> byPid;
    private final Map<Long, List<LocalProcess>> childrenOf;

    private ProcessTable(Map<Long, LocalProcess> byPid, Map<Long, List<LocalProcess>> childrenOf) {
        this.byPid = byPid;
        this.childrenOf = childrenOf;
    }

    static ProcessTable read() {
        Map<Long, LocalProcess> byPid = new HashMap<>();
        Map<Long, List<LocalProcess>> childrenOf = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit)).map(Long::parseLong)
                    .forEach(pid -> LocalProcess.Stat.read(pid).filter(s -> !s.zombie()).ifPresent(s -> {
                        LocalProcess process = new LocalProcess(pid, s.startTime());
                        byPid.put(pid, process);
                        childrenOf.computeIfAbsent(s.ppid(), k -> new ArrayList<>()).add(process);
                    }));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
        }
        return new ProcessTable(byPid, childrenOf);
    }

    /** {@code root} and every descendant, parents first; empty when {@code root} no longer runs. */
    List<LocalProcess> tree(LocalProcess root) {
        List<LocalProcess> all = new ArrayList<>();
        if (!root.equals(byPid.get(root.pid()))) {
            return all;
        }
        all.add(root);
        for (int i = 0; i < all.size(); i++) {
            all.addAll(childrenOf.getOrDefault(all.get(i).pid(), List.of()));
        }
        return all;
    }
}

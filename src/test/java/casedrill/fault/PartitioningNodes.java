package casedrill.fault;

import casedrill.stack.Partition;
import java.util.List;
import java.util.Optional;

/** Node operations of a stack that can (or cannot) cut site pairs exactly; records what was cut and healed. */
class PartitioningNodes extends RecordingNodes {
    private final boolean exact;

    PartitioningNodes(boolean exact) {
        this.exact = exact;
    }

    @Override
    public List<String> sites() {
        return List.of("dc1", "dc2", "witness");
    }

    @Override
    public Partition partitionExactly(List<Partition.SitePair> pairs, Partition.Mode mode) {
        if (!exact) {
            return new Partition(pairs, mode, false, "approximate: iptables cannot be changed here (needs root)");
        }
        calls.add("cut " + pairs + " " + mode);
        return new Partition(pairs, mode, true, (pairs.size() * 4) + " iptables rules in chain CASEDRILL-test");
    }

    @Override
    public void heal(Partition partition) {
        calls.add("heal " + partition.sides());
    }

    @Override
    public Optional<String> partitionRulesOwner() {
        return Optional.of("stack-1");
    }
}

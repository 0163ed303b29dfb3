package casedrill.fault;

import casedrill.stack.EffectiveAt;
import casedrill.stack.Partition;
import casedrill.stack.DatabaseProcess;
import casedrill.stack.RunningStack;
import java.util.List;
import java.util.Optional;

/**
 * Node operations on the local stack, through its node control (signals by recorded PID). Node control is readied
 * when this is made, so its start-up is not part of the first fault's time to take effect.
 */
public record StackNodeOperations(RunningStack stack) implements NodeOperations {
    public StackNodeOperations {
        stack.prepareNodeControl();
    }

    @Override
    public EffectiveAt kill(String node) {
        return stack.kill(node);
    }

    @Override
    public EffectiveAt killOnly(String node, DatabaseProcess process) {
        return stack.killOnly(node, process);
    }

    @Override
    public EffectiveAt stop(String node) {
        return stack.stop(node);
    }

    @Override
    public EffectiveAt pause(String node) {
        return stack.pause(node);
    }

    @Override
    public EffectiveAt resume(String node) {
        return stack.resume(node);
    }

    @Override
    public EffectiveAt restart(String node) {
        return stack.restart(node);
    }

    @Override
    public void startIfDown(String node) {
        if (!stack.alive(node)) {
            stack.start(node);
        }
    }

    @Override
    public EffectiveAt powerLoss(String site) {
        return stack.powerLoss(site);
    }

    @Override
    public String endpoint(String node, String port) {
        return stack.layout().node(node).endpoint(port);
    }

    @Override
    public List<String> sites() {
        return stack.layout().sites();
    }

    @Override
    public Partition partitionExactly(List<Partition.SitePair> pairs, Partition.Mode mode) {
        return stack.partitionIfExact(pairs, mode);
    }

    @Override
    public void heal(Partition partition) {
        stack.heal(partition);
    }

    @Override
    public Optional<String> partitionRulesOwner() {
        return Optional.of(stack.id());
    }
}

package casedrill.fault;

import casedrill.stack.EffectiveAt;
import casedrill.stack.Partition;
import casedrill.stack.Stack;
import casedrill.stack.StackNode;
import java.util.List;
import java.util.Optional;

/**
 * Node operations on the local stack, through its node control (signals by recorded PID). Node control is readied
 * when this is made, so its start-up is not part of the first fault's time to take effect.
 */
public record StackNodeOperations(Stack stack) implements NodeOperations {
    public StackNodeOperations {
        stack.prepareNodeControl();
    }

    @Override
    public EffectiveAt kill(String node) {
        return stack.node(node).kill();
    }

    @Override
    public EffectiveAt killOnly(String node, String process) {
        return stack.node(node).killOnly(process);
    }

    @Override
    public EffectiveAt stop(String node) {
        return stack.node(node).stop();
    }

    @Override
    public EffectiveAt pause(String node) {
        return stack.node(node).pause();
    }

    @Override
    public EffectiveAt resume(String node) {
        return stack.node(node).resume();
    }

    @Override
    public EffectiveAt restart(String node) {
        return stack.node(node).restart();
    }

    @Override
    public void startIfDown(String node) {
        StackNode handle = stack.node(node);
        if (!handle.alive()) {
            handle.start();
        }
    }

    @Override
    public EffectiveAt powerLoss(String site) {
        return stack.site(site).powerLoss();
    }

    @Override
    public String endpoint(String node, String port) {
        return stack.state().layout().node(node).endpoint(port);
    }

    @Override
    public List<String> sites() {
        return stack.state().layout().sites();
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
        return Optional.of(stack.state().id());
    }
}

package casedrill.fault;

import casedrill.stack.Partition;
import casedrill.stack.Stack;
import casedrill.stack.StackNode;
import java.util.List;
import java.util.Optional;

/** Node operations on the local stack, through its node control (signals by recorded PID). */
public record StackNodeOperations(Stack stack) implements NodeOperations {
    @Override
    public void kill(String node) {
        stack.node(node).kill();
    }

    @Override
    public void killOnly(String node, String process) {
        stack.node(node).killOnly(process);
    }

    @Override
    public void stop(String node) {
        stack.node(node).stop();
    }

    @Override
    public void pause(String node) {
        stack.node(node).pause();
    }

    @Override
    public void resume(String node) {
        stack.node(node).resume();
    }

    @Override
    public void restart(String node) {
        stack.node(node).restart();
    }

    @Override
    public void startIfDown(String node) {
        StackNode handle = stack.node(node);
        if (!handle.alive()) {
            handle.start();
        }
    }

    @Override
    public void powerLoss(String site) {
        stack.site(site).powerLoss();
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

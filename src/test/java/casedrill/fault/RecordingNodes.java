package casedrill.fault;

import casedrill.stack.DatabaseProcess;
import casedrill.stack.EffectiveAt;
import java.util.ArrayList;
import java.util.List;

/** Node operations that only record what was asked, for faults tested without a stack; each took effect when asked. */
class RecordingNodes implements NodeOperations {
    final List<String> calls = new ArrayList<>();
    String endpoint = "127.0.0.1:1";

    private EffectiveAt record(String call) {
        calls.add(call);
        return EffectiveAt.now();
    }

    public EffectiveAt kill(String node) { return record("kill " + node); }
    public EffectiveAt killOnly(String node, DatabaseProcess process) { return record("kill-only " + process.id() + " " + node); }
    public EffectiveAt stop(String node) { return record("stop " + node); }
    public EffectiveAt pause(String node) { return record("pause " + node); }
    public EffectiveAt resume(String node) { return record("resume " + node); }
    public EffectiveAt restart(String node) { return record("restart " + node); }
    public void startIfDown(String node) { calls.add("start " + node); }
    public EffectiveAt powerLoss(String site) { return record("power-loss " + site); }
    public String endpoint(String node, String port) { return endpoint; }
}

package casedrill.fault;

import java.util.ArrayList;
import java.util.List;

/** Node operations that only record what was asked, for faults tested without a stack. */
class RecordingNodes implements NodeOperations {
    final List<String> calls = new ArrayList<>();
    String endpoint = "127.0.0.1:1";

    public void kill(String node) { calls.add("kill " + node); }
    public void killOnly(String node, String process) { calls.add("kill-only " + process + " " + node); }
    public void stop(String node) { calls.add("stop " + node); }
    public void pause(String node) { calls.add("pause " + node); }
    public void resume(String node) { calls.add("resume " + node); }
    public void restart(String node) { calls.add("restart " + node); }
    public void startIfDown(String node) { calls.add("start " + node); }
    public void powerLoss(String site) { calls.add("power-loss " + site); }
    public String endpoint(String node, String port) { return endpoint; }
}

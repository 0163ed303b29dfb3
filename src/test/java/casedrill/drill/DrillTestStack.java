package casedrill.drill;

import casedrill.stack.DbVariant;
import casedrill.stack.Stack;
import casedrill.stack.StackLayout;
import casedrill.stack.StackOptions;
import casedrill.topology.TopologyLoader;
import java.nio.file.Path;

/** The full two-DC stack the drill tests attach their drills to, started from the test class path at its own address shift. */
final class DrillTestStack {
    private DrillTestStack() {}

    static Stack up(int addressShift, DbVariant variant) {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Stack.up(StackLayout.of(TopologyLoader.load(Path.of("scenarios/topology/two-dc.yaml"))).shifted(addressShift),
                StackOptions.defaults().withClasspath(classpath).withVariant(variant));
    }
}

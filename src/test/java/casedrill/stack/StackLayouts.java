package casedrill.stack;

import casedrill.stack.local.AddressShift;
import casedrill.topology.TopologyLoader;
import java.nio.file.Path;

/** The layouts and options the stack tests use. */
final class StackLayouts {
    /**
     * Test stacks live on 127.0.101-104.x, away from the addresses of a stack someone runs by hand;
     * {@code -Dcasedrill.test.addressShift=140} moves them (two test runs on one machine).
     */
    static final int TEST_ADDRESS_SHIFT = Integer.getInteger("casedrill.test.addressShift", 100);
    static final Path TWO_DC = Path.of("scenarios/topology/two-dc.yaml");

    private StackLayouts() {
    }

    static StackLayout twoDc() {
        return AddressShift.shifted(StackLayout.of(TopologyLoader.load(TWO_DC)), TEST_ADDRESS_SHIFT);
    }

    /** The whole stack, every link through the Toxiproxy server; Java nodes run from the test class path. */
    static StackOptions fullOptions() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return StackOptions.defaults().withClasspath(classpath);
    }

    /** DB tier only, sites connected directly (until the Toxiproxy server is on this branch). */
    static StackOptions dbTierOptions() {
        return StackOptions.defaults().withLinksDirect(true).withDbTierOnly(true);
    }
}

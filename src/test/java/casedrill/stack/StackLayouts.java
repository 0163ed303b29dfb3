package casedrill.stack;

/** The layouts and options the stack tests use. */
final class StackLayouts {
    /** Test stacks live on 127.0.101-104.x, away from the addresses of a stack someone runs by hand. */
    static final int TEST_ADDRESS_SHIFT = 100;

    private StackLayouts() {
    }

    static StackLayout dbTier() {
        return TwoDcLayouts.dbTier().shifted(TEST_ADDRESS_SHIFT);
    }

    /** DB tier only, sites connected directly (until the Toxiproxy server is on this branch). */
    static StackOptions dbTierOptions() {
        return StackOptions.defaults().withLinksDirect(true).withDbTierOnly(true);
    }
}

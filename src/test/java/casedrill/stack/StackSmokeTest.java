package casedrill.stack;

import org.junit.jupiter.api.Test;

class StackSmokeTest {
    @Test
    void upStatusDown() {
        long t0 = System.nanoTime();
        try (Stack stack = Stack.up(TwoDcLayouts.dbTier(), StackOptions.defaults().withLinksDirect(true).withDbTierOnly(true))) {
            System.out.println("UP in " + (System.nanoTime() - t0) / 1_000_000 + " ms at " + stack.directory());
            System.out.println(stack.status());
        }
    }
}

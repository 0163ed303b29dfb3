package casedrill.stack;

/**
 * Where a running stack is, as a lease records it: the provider that runs it and that provider's own locator
 * (the local provider: the stack's run directory). Enough for {@code recover} to attach without the harness
 * that injected a fault.
 */
public record StackRef(String provider, String locator) {
    public StackRef {
        if (provider == null || provider.isBlank()) {
            throw new IllegalArgumentException("a stack reference needs a provider name, but it was '" + provider + "'");
        }
        if (locator == null || locator.isBlank()) {
            throw new IllegalArgumentException("a stack reference of provider " + provider + " needs a locator, but it was '" + locator + "'");
        }
    }

    @Override
    public String toString() {
        return provider + ":" + locator;
    }
}

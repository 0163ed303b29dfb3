package casedrill.environment;

/**
 * The operator's typed confirmation before a drill acts on hosts that are not this machine: the environment's own
 * name, given as {@code --confirm-environment NAME}. Checked before anything starts.
 */
public final class Confirmation {
    private Confirmation() {
    }

    /** Throws {@link IllegalArgumentException} (one sentence) unless the environment is loopback-only or confirmed by name. */
    public static void require(Environment env, String confirmed) {
        if (env.loopbackOnly() || env.name().equals(confirmed)) {
            return;
        }
        String hosts = String.join(", ", env.hosts().stream().filter(h -> !Environment.isLoopback(h)).toList());
        throw new IllegalArgumentException(confirmed == null
                ? "environment " + env.name() + " acts on hosts beyond this machine (" + hosts + "); confirm with --confirm-environment "
                        + env.name() + " after reading its plan"
                : "--confirm-environment " + confirmed + " does not name environment " + env.name() + "; nothing was started");
    }
}

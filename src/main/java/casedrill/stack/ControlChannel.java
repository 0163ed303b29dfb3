package casedrill.stack;

/**
 * How a provider reaches its stack to control nodes (the local provider: the state file with every PID), named for
 * the drill's infrastructure watch.
 *
 * @param name    what it is, e.g. "the stack's control channel (its state file)"
 * @param address where it is (a file, a host)
 */
public record ControlChannel(String name, String address) {
}

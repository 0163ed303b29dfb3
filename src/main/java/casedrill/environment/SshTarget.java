package casedrill.environment;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where and as whom node control logs in. Host keys come only from {@code knownHosts}; a key that is
 * not there (or differs) is refused by OpenSSH, never accepted.
 */
public record SshTarget(String host, String user, int port, Optional<Path> identityFile, boolean agent, Path knownHosts) {
    public String destination() {
        return user + "@" + host;
    }
}

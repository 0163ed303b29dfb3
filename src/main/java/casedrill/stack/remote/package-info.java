/**
 * The {@code remote} provider: attaches to a deployment an environment file describes and controls its nodes over
 * SSH (the system's OpenSSH client, host keys verified) or local command templates. It never starts or stops the
 * deployment as a whole; see docs/providers.md for what it cannot do.
 */
package casedrill.stack.remote;

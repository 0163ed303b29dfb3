/**
 * The drill's second, independent observer: its own HTTP client and threads, its own clock reading, its own intake
 * writes under its own idempotency-key prefix through the edge, and its own read-back of what it saw acknowledged.
 * Nothing here uses the load, the canary probes or the write ledger, so an auditor can set its figures beside the
 * verdict's. Imports no other casedrill package.
 */
package casedrill.observer;

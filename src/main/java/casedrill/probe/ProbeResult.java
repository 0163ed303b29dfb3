package casedrill.probe;

import casedrill.history.Outcome;

/** One probe as seen by the harness: sequence number, send and completion offsets, outcome and failure kind. */
public record ProbeResult(long seq, long sentMs, long doneMs, Outcome outcome, int status,
                          IntakeAttempt.Failure failure) {}

package casedrill.toxiproxy;

/** One planned step of a toxic on a chunk (see {@link casedrill.toxiproxy.toxic.Stub}). */
sealed interface Step {
    record Emit(int length) implements Step {}

    record Drop() implements Step {}

    record SleepFor(long nanos) implements Step {}

    record SleepUntil(long deadlineNanos) implements Step {}

    record Stall() implements Step {}

    record Close() implements Step {}

    record Reset() implements Step {}

    Step DROP = new Drop();
    Step STALL = new Stall();
    Step CLOSE = new Close();
    Step RESET = new Reset();
}

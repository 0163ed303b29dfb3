package casedrill.check;

import casedrill.history.History;

/** A pure function from a drill history and the targets to a verdict. May throw; the registry turns that into UNKNOWN. */
public interface Checker {
    String name();

    CheckResult check(History history, Targets targets);
}

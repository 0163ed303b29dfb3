package casedrill.junit;

import casedrill.report.DrillResult;
import java.nio.file.Path;

/** A drill a test ran: its result and the sealed run folder it was written to. */
public record DrillRun(DrillResult result, Path folder) {
}

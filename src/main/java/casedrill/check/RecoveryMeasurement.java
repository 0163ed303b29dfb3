package casedrill.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The RTO checker's figures as numbers: the worst RTO (none when a disruption never recovered) and every disruption. */
final class RecoveryMeasurement {
    private RecoveryMeasurement() {
    }

    static Measured.Recovery of(Map<String, List<Disruption>> byTransaction) {
        List<Measured.TransactionDisruption> all = new ArrayList<>();
        byTransaction.forEach((tx, disruptions) -> disruptions.forEach(d -> all.add(new Measured.TransactionDisruption(tx, d.faultMs(),
                d.recovered() ? d.recoveredMs().getAsLong() : null, d.recovered() ? d.rtoMs() : null))));
        boolean recovered = all.stream().allMatch(d -> d.tRecoveredMs() != null);
        long worst = all.stream().mapToLong(d -> d.rtoMs() == null ? 0 : d.rtoMs()).max().orElse(0);
        return new Measured.Recovery(recovered ? worst / 1000.0 : null, all);
    }
}

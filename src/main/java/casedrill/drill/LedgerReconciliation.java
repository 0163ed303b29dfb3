package casedrill.drill;

import casedrill.history.Event;
import casedrill.probe.CaseTableReader;
import casedrill.probe.Reconciler;
import casedrill.probe.Reconciliation;
import casedrill.probe.StoredCase;
import casedrill.probe.SurvivingPrimary;
import casedrill.probe.WriteLedger;
import casedrill.stack.RunningStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/** Reconciles the write ledger against the database Patroni names as leader after the drill. */
final class LedgerReconciliation {
    private LedgerReconciliation() {
    }

    static List<Event> run(RunningStack stack, WriteLedger ledger, long offsetMs) {
        String leader = stack.status().leader();
        if (leader == null || leader.isBlank()) {
            throw new IllegalStateException("no Patroni leader after the drill, so there is no surviving primary to reconcile against");
        }
        String url = stack.dbUrlFor(leader);
        try (Connection db = DriverManager.getConnection(url, stack.credentials().appUser(), stack.credentials().appPassword())) {
            SurvivingPrimary primary = CaseTableReader.identity(db);
            List<StoredCase> rows = CaseTableReader.rowsFor(db, Reconciler.keys(ledger));
            Reconciliation result = Reconciler.reconcile(ledger, rows, primary);
            return result.toEvents(offsetMs);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the cases of " + leader + " for reconciliation: " + e.getMessage(), e);
        }
    }
}

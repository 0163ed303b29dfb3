package casedrill.probe;

import java.util.List;

/** The canaries a drill runs through the edge: a read (listing), partner screening, and the intake write. */
public final class StandardProbes {
    private StandardProbes() {}

    public static List<ProbeTransaction> of(Tokens tokens, String keyPrefix, WriteLedger ledger) {
        return List.of(
                new HttpGetProbe("status", "/api/cases?size=1", tokens.client()),
                new HttpGetProbe("screening", "/api/screening?surname=Martin&birthDate=1980-01-01", tokens.partner()),
                new IntakeProbe(keyPrefix, tokens.client(), ledger));
    }
}

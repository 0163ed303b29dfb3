package casedrill.casestack.cases;

import java.util.UUID;

/** 404. */
public class CaseNotFoundException extends RuntimeException {
    public CaseNotFoundException(UUID id) {
        super("No case has id " + id + ".");
    }
}

package casedrill.casestack.auth;

import java.util.Locale;

/** Who calls the case service; each role has its own API token. */
public enum Role {
    /** Applicants' portal: files cases and follows them. */
    CLIENT,
    /** Caseworkers: work queues and decisions. */
    OFFICER,
    /** Partner agencies: screening look-ups only. */
    PARTNER;

    /** The environment variable that carries this role's token. */
    public String tokenVariable() {
        return "CASEDRILL_TOKEN_" + name();
    }

    /** The Spring property the node passes the token in. */
    public String tokenProperty() {
        return "casedrill.tokens." + name().toLowerCase(Locale.ROOT);
    }
}

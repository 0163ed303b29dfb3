package casedrill.probe;

/** Bearer tokens of the three roles; never printed (toString redacts), never written to history or reports. */
public record Tokens(String client, String officer, String partner) {
    public static final String CLIENT_ENV = "CASEDRILL_TOKEN_CLIENT";
    public static final String OFFICER_ENV = "CASEDRILL_TOKEN_OFFICER";
    public static final String PARTNER_ENV = "CASEDRILL_TOKEN_PARTNER";

    public static Tokens fromEnvironment() {
        return new Tokens(env(CLIENT_ENV), env(OFFICER_ENV), env(PARTNER_ENV));
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }

    @Override
    public String toString() {
        return "Tokens[redacted]";
    }
}

package casedrill.cli;

import picocli.CommandLine;

/** Version from the jar manifest; "dev" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"casedrill " + (v == null ? "dev" : v), "Java " + Runtime.version()};
    }
}

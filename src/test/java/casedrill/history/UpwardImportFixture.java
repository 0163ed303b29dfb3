package casedrill.history;

import casedrill.cli.Main;

/**
 * A planted upward import, for {@code casedrill.LayersTest} only: history, near the bottom of the layer
 * order, calling the command line at the top. It lives among the test classes, so the main import
 * never sees it; the test imports it alone and expects the layer rule to name this dependency.
 */
final class UpwardImportFixture {
    private UpwardImportFixture() {
    }

    static int versionExitCode() {
        return Main.execute("--version");
    }
}

package casedrill.cli;

import casedrill.outcome.ExitCode;
import casedrill.report.html.HeadlessBrowser;

/** The headless Chromium that prints report.pdf, or a one-line error (exit 4) naming what to install. */
final class PdfPrinter {
    private PdfPrinter() {
    }

    static HeadlessBrowser required(String command) {
        if (!HeadlessBrowser.available(HeadlessBrowser.DEFAULT_BINARY)) {
            throw new UserFacingException(ExitCode.HARNESS_ERROR, command + ": " + HeadlessBrowser.DEFAULT_BINARY
                    + " is missing; install Debian's chromium (apt-get install -y chromium; 'make deps' does).");
        }
        return new HeadlessBrowser(HeadlessBrowser.DEFAULT_BINARY);
    }
}

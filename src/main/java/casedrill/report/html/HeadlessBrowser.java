package casedrill.report.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens a file in headless Chromium (Debian's {@code chromium}) the way a reader would: the DOM after
 * rendering, a screenshot, and the browser's console log. Every Chromium started here is stopped by
 * its PID (with its child processes) on every path out, and uses a fresh profile folder.
 */
public final class HeadlessBrowser {
    public static final Path DEFAULT_BINARY = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 90;

    /** What the browser showed: the rendered DOM and the log lines that came from the page's console. */
    public record Rendering(String dom, List<String> consoleLines, Path screenshot) {
    }

    private final Path binary;

    public HeadlessBrowser(Path binary) {
        this.binary = binary;
    }

    public static boolean available(Path binary) {
        return Files.isExecutable(binary);
    }

    /** Renders {@code page} at 1280×{@code height}, writes the screenshot to {@code screenshot}. */
    public Rendering render(Path page, Path screenshot, int height) {
        if (!available(binary)) {
            throw new IllegalStateException(binary + " is missing: install Debian's chromium (apt-get install -y chromium; 'make deps' does)");
        }
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("casedrill-chromium");
            String url = page.toAbsolutePath().toUri().toString();
            Run dom = run(scratch, List.of("--dump-dom", "--virtual-time-budget=2000", url));
            Run shot = run(scratch, List.of("--screenshot=" + screenshot.toAbsolutePath(), "--window-size=1280," + height, "--hide-scrollbars", url));
            List<String> console = new ArrayList<>();
            for (String line : (dom.stderr() + "\n" + shot.stderr()).split("\n")) {
                if (line.contains(":CONSOLE") || line.contains("Uncaught") || line.contains("Failed to load resource")) {
                    console.add(line);
                }
            }
            return new Rendering(dom.stdout(), console, screenshot);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + binary, e);
        } finally {
            deleteQuietly(scratch);
        }
    }

    /** Prints {@code page} to {@code pdf} as the browser's "print to PDF" would (the print style sheet applies). */
    public Path printToPdf(Path page, Path pdf) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("casedrill-chromium");
            run(scratch, List.of("--print-to-pdf=" + pdf.toAbsolutePath(), "--no-pdf-header-footer", page.toAbsolutePath().toUri().toString()));
            return pdf;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + binary, e);
        } finally {
            deleteQuietly(scratch);
        }
    }

    private record Run(String stdout, String stderr) {
    }

    private Run run(Path scratch, List<String> args) throws IOException {
        Path profile = Files.createTempDirectory(scratch, "profile");
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--disable-extensions", "--no-default-browser-check", "--enable-logging=stderr", "--v=0", "--user-data-dir=" + profile));
        command.addAll(args);
        Path out = scratch.resolve("stdout-" + System.nanoTime());
        Path err = scratch.resolve("stderr-" + System.nanoTime());
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException(binary + " (pid " + p.pid() + ") did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + binary, e);
        } finally {
            stop(p);
        }
    }

    /** Chromium forks helpers (zygote, renderer, GPU); stop them and the browser by PID. */
    private static void stop(Process p) {
        List<ProcessHandle> family = new ArrayList<>(p.descendants().toList());
        family.add(p.toHandle());
        family.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : family) {
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp folder is harmless
        }
    }
}

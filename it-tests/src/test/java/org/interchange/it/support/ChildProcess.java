package org.interchange.it.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A program a test starts (a router, Tomcat, a softphone), with its console output, stdout and stderr, appended to
 * a log file by the operating system, so that nothing it prints is lost however it ends. Tests wait for what it
 * prints or for its exit, always within a bound. It is stopped the way a service manager stops it, with SIGTERM,
 * and killed only when it does not exit in time; only this process is ever signalled, by its PID, and a shutdown
 * hook kills it should the test JVM end first. The lines the tests add to the log start with
 * {@code interchange-it:}. Thread-safe.
 */
public final class ChildProcess implements AutoCloseable {

    /** How often a wait for output looks at the log; the wait for an exit is what paces it. */
    private static final Duration OUTPUT_POLL = Duration.ofMillis(100);

    private final Process process;
    private final Path log;
    /** Where this run's output starts in the log, which earlier runs (a restarted router) may have written to. */
    private final long logStart;
    private final Thread killOnExit;

    private ChildProcess(Process process, Path log, long logStart) {
        this.process = process;
        this.log = log;
        this.logStart = logStart;
        this.killOnExit = new Thread(process::destroyForcibly, "interchange-it-kill-" + process.pid());
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts a command with its output (stderr too) appended to {@code log}.
     *
     * @throws IOException when the command cannot be run
     */
    public static ChildProcess start(ProcessBuilder command, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        Process process = command.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new ChildProcess(process, log, logStart);
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything it has printed so far. */
    public String output() {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            byte[] printed = new byte[(int) Math.max(0, file.length() - logStart)];
            file.seek(logStart);
            file.readFully(printed);
            return new String(printed, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    /**
     * Waits until it has printed every one of {@code texts}, up to {@code timeout}.
     *
     * @return whether it did; false when the time is up or it exited first
     */
    public boolean awaitOutput(Duration timeout, String... texts) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!printedAll(texts)) {
            boolean exited = process.waitFor(OUTPUT_POLL.toMillis(), TimeUnit.MILLISECONDS);
            if (exited || System.nanoTime() > deadline) {
                return printedAll(texts);
            }
        }
        return true;
    }

    /** Waits for it to exit, up to {@code timeout}; its exit status, or empty when it is still running. */
    public OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? OptionalInt.of(process.exitValue())
                : OptionalInt.empty();
    }

    /**
     * Sends SIGTERM and waits up to {@code timeout} for it to exit; kills it (SIGKILL) when it does not. Notes both in
     * the log.
     *
     * @return its exit status: 143 (128 + SIGTERM) for a JVM that stopped on the signal, 137 when it was killed
     */
    public int stop(Duration timeout) {
        try {
            if (process.isAlive()) {
                note("SIGTERM to " + pid());
                // through the handle: Process.destroy() would also close its streams
                process.toHandle().destroy();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    note("no exit within " + timeout.toSeconds() + " s of SIGTERM: killing " + pid());
                    process.toHandle().destroyForcibly();
                    process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            int status = process.exitValue();
            note(pid() + " exited with status " + status);
            return status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while stopping " + pid(), e);
        } finally {
            removeShutdownHook();
        }
    }

    /** Stops it (see {@link #stop}) with a bound of 30 s, when it is still running. */
    @Override
    public void close() {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(30));
        } else {
            removeShutdownHook();
        }
    }

    /** Appends a line of the tests' own to the log: {@code interchange-it: <line>}. */
    public void note(String line) {
        try {
            Files.writeString(log, "interchange-it: " + line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the log is for people; what the test does goes on
        }
    }

    /** The last lines of its output, for failure messages. */
    public String tail(int lines) {
        List<String> all = output().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    @Override
    public String toString() {
        return process.info().command().orElse("process") + " (pid " + pid() + ", log " + log + ")";
    }

    private boolean printedAll(String... texts) {
        String output = output();
        for (String text : texts) {
            if (!output.contains(text)) {
                return false;
            }
        }
        return true;
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
    }
}

package org.interchange.it.support.netns;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.interchange.it.support.WorkDirectory;

/**
 * Runs the short commands that build and inspect the namespaces ({@code ip}, {@code ss}), each within
 * {@link #TIMEOUT}, with the command line and its output appended to {@code netns/commands.log} of the work area.
 */
final class IpCommand {

    /** How long one command may take: {@code ip} answers in milliseconds, or is stuck. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** What a command printed (stdout and stderr) and its exit status. */
    record Outcome(List<String> command, int status, String output) {

        boolean succeeded() {
            return status == 0;
        }

        /** The outcome of a command that had to succeed. */
        Outcome required() {
            if (!succeeded()) {
                throw new IllegalStateException(this.toString());
            }
            return this;
        }

        @Override
        public String toString() {
            return "'" + String.join(" ", command) + "' exited with status " + status + ": " + output.strip();
        }
    }

    private static final Path LOG = log();

    private IpCommand() {
    }

    /**
     * Runs a command, waiting up to {@link #TIMEOUT}; killed when it does not exit in time. Plain processes, not
     * {@link org.interchange.it.support.ChildProcess}: this also runs in a shutdown hook, where no further hook can
     * be added.
     *
     * @throws IOException when it cannot be started (not installed)
     * @throws IllegalStateException when it does not exit in time
     */
    static synchronized Outcome run(String... command) throws IOException {
        List<String> line = List.of(command);
        Files.writeString(LOG, "interchange-it: $ " + String.join(" ", line) + System.lineSeparator(),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        long start = Files.size(LOG);
        Process process = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile())).start();
        try {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                throw new IllegalStateException("'" + String.join(" ", line) + "' did not exit within "
                        + TIMEOUT.toSeconds() + " s and was killed: " + printedSince(start).strip());
            }
            return new Outcome(line, process.exitValue(), printedSince(start));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + line, e);
        }
    }

    /** {@code ip <arguments>}, which has to succeed. */
    static Outcome ip(String... arguments) {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(arguments));
        try {
            return run(command.toArray(String[]::new)).required();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
    }

    /** {@code ip <arguments>}, whatever its outcome. */
    static Outcome ipTolerated(String... arguments) {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(arguments));
        try {
            return run(command.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
    }

    /** What the commands printed since {@code start}, a position in the log. */
    private static String printedSince(long start) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(LOG.toFile(), "r")) {
            byte[] printed = new byte[(int) Math.max(0, file.length() - start)];
            file.seek(start);
            file.readFully(printed);
            return new String(printed, StandardCharsets.UTF_8);
        }
    }

    private static Path log() {
        try {
            return WorkDirectory.named("netns").resolve("commands.log");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the work directory netns", e);
        }
    }
}

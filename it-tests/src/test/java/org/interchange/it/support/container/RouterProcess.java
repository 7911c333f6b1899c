package org.interchange.it.support.container;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.arquillian.container.spi.client.container.DeploymentException;

/**
 * One run of the router: {@code bin/interchange} of an {@link Installation}, as an operator starts it. Its console
 * output goes to {@code logs/router.log}; it counts as started once it prints "Interchange ready". It is stopped
 * with SIGTERM, as the launcher expects, and killed only if it does not stop in time. Only this process is ever
 * signalled, by its PID; a shutdown hook kills it should the test JVM end without stopping it.
 */
final class RouterProcess {

    /** What the launcher prints once the listeners are open and the WAR is deployed. */
    static final String READY_LINE = "Interchange ready";

    /** Environment variables the router would read as configuration overrides: a developer's shell must not leak in. */
    private static final List<String> CONFIGURATION_VARIABLE_PREFIXES = List.of("LISTENER_", "DOMAINS", "ALIASES",
            "DATABASE_", "REGISTRAR_", "AUTH_", "LOCATION_", "PROXY_", "ADMIN_", "DATA_DIR", "INTERCHANGE_");
    private static final int LOG_TAIL_LINES = 60;

    private final Process process;
    private final Installation installation;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final Thread output;
    private final Thread killOnExit;

    private RouterProcess(Installation installation, String javaOptions) throws IOException {
        this.installation = installation;
        ProcessBuilder builder = new ProcessBuilder(installation.launcher().toString())
                .directory(installation.directory().toFile())
                .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> CONFIGURATION_VARIABLE_PREFIXES.stream()
                .anyMatch(prefix -> name.toUpperCase(Locale.ROOT).startsWith(prefix)));
        environment.put("INTERCHANGE_CONFIG", installation.configuration().toString());
        environment.put("INTERCHANGE_DATA", installation.data().toString());
        environment.put("JAVA_OPTS", javaOptions);
        this.process = builder.start();
        this.killOnExit = new Thread(process::destroyForcibly, "interchange-it-kill-" + process.pid());
        Runtime.getRuntime().addShutdownHook(killOnExit);
        this.output = new Thread(this::copyOutput, "interchange-it-output-" + process.pid());
        output.setDaemon(true);
        output.start();
    }

    /**
     * Starts the router and waits until it is ready.
     *
     * @throws DeploymentException when it exits first (status 1: a listener could not bind or the WAR failed;
     *                             2: bad configuration) or is not ready in time; the message has the log's tail
     */
    static RouterProcess start(Installation installation, String javaOptions, Duration timeout,
                               Duration stopTimeout) throws DeploymentException {
        RouterProcess router;
        try {
            router = new RouterProcess(installation, javaOptions);
        } catch (IOException e) {
            throw new DeploymentException("cannot run " + installation.launcher(), e);
        }
        try {
            router.ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return router;
        } catch (TimeoutException e) {
            router.stop(stopTimeout);
            throw router.failure("did not print \"" + READY_LINE + "\" within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            router.stop(stopTimeout);
            throw router.failure("exited with status " + router.process.exitValue() + " before it was ready");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            router.stop(stopTimeout);
            throw router.failure("start interrupted");
        }
    }

    /** Sends SIGTERM and waits for the router to stop; kills it when it does not stop in time. */
    void stop(Duration timeout) {
        try {
            appendToLog("interchange-it: stopping the router (SIGTERM to " + process.pid() + ")");
            // through the handle: Process.destroy() would also close the pipe, losing the router's last words
            process.toHandle().destroy();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                appendToLog("interchange-it: no stop within " + timeout.toSeconds() + " s of SIGTERM: killing "
                        + process.pid());
                process.toHandle().destroyForcibly();
                process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            output.join(timeout.toMillis());
            appendToLog("interchange-it: the router exited with status " + process.exitValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            removeShutdownHook();
        }
    }

    private void copyOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             BufferedWriter log = Files.newBufferedWriter(installation.log(), StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                log.write(line);
                log.newLine();
                log.flush();
                if (line.contains(READY_LINE)) {
                    ready.complete(null);
                }
            }
        } catch (IOException e) {
            // the process ended; its exit is reported below
        } finally {
            ready.completeExceptionally(new IllegalStateException("the router's output ended"));
        }
    }

    private void appendToLog(String line) {
        try {
            Files.writeString(installation.log(), line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the log is for people; the stop goes on
        }
    }

    private DeploymentException failure(String what) {
        String tail;
        try {
            List<String> lines = Files.readAllLines(installation.log(), StandardCharsets.UTF_8);
            tail = String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            tail = "(no log: " + e + ")";
        }
        return new DeploymentException("The router " + installation.launcher() + " (pid " + process.pid() + ") "
                + what + ". Last lines of " + installation.log() + ":\n" + tail);
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
    }
}

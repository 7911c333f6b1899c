package org.interchange.it.support.events;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.interchange.it.support.WorkDirectory;

/**
 * A RabbitMQ node of the test's own, which it may stop and start, unlike the machine's broker: Debian's
 * {@code rabbitmq-server} run from {@value #BIN} (the {@code /usr/sbin} wrapper would switch to the rabbitmq user,
 * who cannot write here) with its own node name, AMQP and distribution ports, and its database, logs, Erlang cookie
 * and HOME under {@code <work area>/<name>/}. Its database outlives a stop, so durable queues and persistent
 * messages survive a restart. Stopped with {@code rabbitmqctl -n <its name> stop} (the CLI on a port of the test's
 * too), else by killing its processes; a JVM that ends first kills them. Not thread-safe.
 */
public final class RabbitNode implements AutoCloseable {

    private static final String BIN = "/usr/lib/rabbitmq/bin";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final String node;
    private final int amqpPort;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;
    private Thread killOnExit;

    /**
     * @param ports three free ports: AMQP, the node's Erlang distribution, and the CLI's
     */
    private RabbitNode(String name, Path directory, List<Integer> ports) throws IOException {
        this.node = name + "@localhost";
        this.amqpPort = ports.get(0);
        this.log = directory.resolve("console.log");
        Path home = Files.createDirectories(directory.resolve("home"));
        Path cookie = home.resolve(".erlang.cookie");
        Files.writeString(cookie, "interchange-it-" + name);
        Files.setPosixFilePermissions(cookie, PosixFilePermissions.fromString("r--------"));
        Path plugins = Files.writeString(directory.resolve("enabled_plugins"), "[].");
        // its own, so that the machine's (/etc/rabbitmq/rabbitmq.conf: listeners, say) does not apply
        Path config = Files.writeString(directory.resolve("rabbitmq.conf"),
                "listeners.tcp.default = 127.0.0.1:" + amqpPort + "\n");
        this.environment = Map.of(
                "HOME", home.toString(),
                "RABBITMQ_NODENAME", node,
                "RABBITMQ_CONFIG_FILE", config.toString(),
                "RABBITMQ_DIST_PORT", String.valueOf(ports.get(1)),
                "RABBITMQ_CTL_DIST_PORT_MIN", String.valueOf(ports.get(2)),
                "RABBITMQ_CTL_DIST_PORT_MAX", String.valueOf(ports.get(2)),
                "RABBITMQ_MNESIA_BASE", directory.resolve("mnesia").toString(),
                "RABBITMQ_LOG_BASE", directory.resolve("log").toString(),
                "RABBITMQ_ENABLED_PLUGINS_FILE", plugins.toString());
    }

    /** Whether this machine can run one (Debian's rabbitmq-server package). */
    public static boolean isInstalled() {
        return Files.isExecutable(Path.of(BIN, "rabbitmq-server")) && Files.isExecutable(Path.of(BIN, "rabbitmqctl"));
    }

    /** A node named {@code name}, in an emptied {@code <work area>/<name>}, not started. */
    public static RabbitNode create(String name, List<Integer> ports) throws IOException {
        return new RabbitNode(name, WorkDirectory.named(name).toAbsolutePath(), ports);
    }

    public int amqpPort() {
        return amqpPort;
    }

    /** Starts it and waits, at most 90 s, until it takes AMQP connections. */
    public void start() throws IOException, InterruptedException {
        ProcessBuilder command = new ProcessBuilder(BIN + "/rabbitmq-server").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        command.environment().putAll(environment);
        process = command.start();
        Process started = process;
        killOnExit = new Thread(() -> kill(started), "interchange-it-kill-" + node);
        Runtime.getRuntime().addShutdownHook(killOnExit);
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!acceptsConnections()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("RabbitMQ node " + node + " did not start within "
                        + START_TIMEOUT.toSeconds() + " s (exited: " + !process.isAlive() + "); see " + log);
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops it through rabbitmqctl (a clean stop, as an operator's) and waits for it to exit; kills it after 60 s. */
    public void stop() throws IOException, InterruptedException {
        if (process == null) {
            return;
        }
        ProcessBuilder ctl = new ProcessBuilder(BIN + "/rabbitmqctl", "-n", node, "stop").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        ctl.environment().putAll(environment);
        Process stopping = ctl.start();
        if (!stopping.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            stopping.destroyForcibly();
        }
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            kill(process);
        }
        Runtime.getRuntime().removeShutdownHook(killOnExit);
        process = null;
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", amqpPort), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** The start script runs the Erlang VM as its child: both go. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public void close() throws IOException {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping " + this, e);
        }
    }

    @Override
    public String toString() {
        return node + " on 127.0.0.1:" + amqpPort;
    }
}

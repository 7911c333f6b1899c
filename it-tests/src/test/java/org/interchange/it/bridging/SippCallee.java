package org.interchange.it.bridging;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.interchange.it.support.ChildProcess;
import org.interchange.it.support.netns.NetnsTopology;

/**
 * The callee of {@link KernelRouteIT}: one sipp UAS in a network namespace, bound to one address on port 5060,
 * answering one call as {@code bridging/kernel-route-uas.xml} scripts it, then exiting: status 0 when the call
 * went as scripted (INVITE, ACK, then its own BYE answered), 1 when it did not or when {@link #LIFETIME} ran out
 * first. Its console, the messages it sent and received ({@code -trace_msg}) and the unexpected ones
 * ({@code -trace_err}) are kept in log files of their own.
 */
final class SippCallee implements AutoCloseable {

    static final int PORT = 5060;
    /** How long sipp runs at most ({@code -timeout}, a failure with {@code -timeout_error}): longer than any test. */
    static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final String SCENARIO = "bridging/kernel-route-uas.xml";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final ChildProcess process;
    private final String host;
    private final InetSocketAddress address;
    private final Path messages;

    private SippCallee(ChildProcess process, String host, Path messages) throws UnknownHostException {
        this.process = process;
        this.host = host;
        this.address = new InetSocketAddress(InetAddress.getByName(host), PORT); // a literal: no lookup
        this.messages = messages;
    }

    /** Whether {@code sipp} is on the PATH ({@code .ci/install-tools} installs it). */
    static boolean isInstalled() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, "sipp")));
    }

    /**
     * Starts sipp in {@code namespace} on {@code host}:5060 and waits, up to {@code timeout}, until it listens.
     *
     * @param host an IP address literal: {@code 198.51.100.2}, {@code 2001:db8::2}
     * @param logs where its log files go: {@code <name>.log}, {@code <name>-messages.log}, {@code <name>-errors.log}
     * @throws AssertionError when it exits or does not listen in time
     */
    static SippCallee start(String namespace, String host, Path logs, String name, Duration timeout)
            throws IOException, InterruptedException {
        Path messages = logs.resolve(name + "-messages.log");
        List<String> sipp = List.of("sipp", "-sf", scenario().toString(),
                "-i", host, "-p", String.valueOf(PORT), "-bind_local", "-t", "u1",
                "-m", "1", "-nostdin",
                "-timeout", LIFETIME.toSeconds() + "s", "-timeout_error",
                "-trace_msg", "-message_file", messages.toString(),
                "-trace_err", "-error_file", logs.resolve(name + "-errors.log").toString());
        ChildProcess process = ChildProcess.start(new ProcessBuilder(NetnsTopology.inNamespace(namespace, sipp))
                .directory(logs.toFile()), logs.resolve(name + ".log"));
        SippCallee callee = new SippCallee(process, host, messages);
        callee.awaitListening(namespace, timeout);
        return callee;
    }

    /** Where it is reached: {@code sip:svc@198.51.100.2:5060}. */
    String uri() {
        return "sip:svc@" + (host.contains(":") ? "[" + host + "]" : host) + ":" + PORT;
    }

    /** Waits up to {@code timeout} for sipp to end its call and exit; its status, empty when it is still running. */
    OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.awaitExit(timeout);
    }

    /** For failure messages: its last lines and where its logs are. */
    String describe() {
        return "sipp on " + uri() + " (console " + process.log() + ", messages " + messages + "), last lines:\n"
                + process.tail(20);
    }

    /** Stops it (SIGTERM, then SIGKILL) when it is still running. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.stop(STOP_TIMEOUT);
        }
    }

    private void awaitListening(String namespace, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!NetnsTopology.listensOnUdp(namespace, address)) {
            if (process.awaitExit(Duration.ofMillis(100)).isPresent() || System.nanoTime() > deadline) {
                close();
                throw new AssertionError(describe() + "\ndid not come to listen on " + address + " in namespace "
                        + namespace + " within " + timeout.toSeconds() + " s");
            }
        }
    }

    private static Path scenario() throws IOException {
        URL resource = SippCallee.class.getClassLoader().getResource(SCENARIO);
        if (resource == null) {
            throw new IOException(SCENARIO + " is not on the test classpath");
        }
        try {
            return Path.of(resource.toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot read " + resource, e);
        }
    }
}

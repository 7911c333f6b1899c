package org.interchange.it.operations;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.interchange.it.support.ChildProcess;

/**
 * sngrep as a Homer collector ({@code -L udp:<address>:<port>}, with the capture password as
 * {@code eep.listen.pass}): it decodes the HEP3 packets it receives, refuses those without the password, and writes
 * the SIP messages they carry, with their addresses and ports, to a pcap file, which tshark's SIP dissector reads
 * back. Started and stopped by the test, by PID.
 */
final class Sngrep implements AutoCloseable {

    static final Path SNGREP = Path.of("/usr/bin/sngrep");
    static final Path TSHARK = Path.of("/usr/bin/tshark");

    /** A SIP message as tshark reads it from sngrep's pcap. */
    record Decoded(InetSocketAddress source, InetSocketAddress destination, String method, int status,
                   String callId) {
    }

    private final ChildProcess process;
    private final Path pcap;
    private final Path directory;
    private final int sipPort;

    /** sngrep listening for HEP on {@code listen}, decoding as SIP what went over the router's {@code sipPort}. */
    Sngrep(InetSocketAddress listen, int sipPort, String password, Path directory) throws IOException {
        this.directory = directory;
        this.sipPort = sipPort;
        Files.createDirectories(directory);
        Path config = directory.resolve("sngreprc");
        Files.writeString(config, "set eep.listen.pass " + password + "\n");
        pcap = directory.resolve("decoded.pcap");
        Files.deleteIfExists(pcap);
        process = ChildProcess.start(new ProcessBuilder(SNGREP.toString(), "-N", "-q", "-F", "-f", config.toString(),
                "-L", "udp:" + listen.getAddress().getHostAddress() + ":" + listen.getPort(), "-O", pcap.toString()),
                directory.resolve("sngrep.log"));
        await("sngrep listening on " + listen).atMost(10, TimeUnit.SECONDS).until(() -> isBound(listen));
    }

    static boolean installed() {
        return Files.isExecutable(SNGREP) && Files.isExecutable(TSHARK);
    }

    /** Stops sngrep (which writes out its pcap) and reads the messages it decoded with tshark. */
    List<Decoded> stopAndDecode() throws IOException, InterruptedException {
        process.stop(Duration.ofSeconds(10));
        Path fields = directory.resolve("tshark.txt");
        // SIP on the router's port, whatever the other port is: a test's agent port may be another protocol's
        // (26000 is Quake's), which tshark would dissect the message as
        ChildProcess tshark = ChildProcess.start(new ProcessBuilder(TSHARK.toString(), "-r", pcap.toString(),
                "-d", "udp.port==" + sipPort + ",sip",
                "-Y", "sip", "-T", "fields", "-E", "separator=|", "-e", "ip.src", "-e", "udp.srcport", "-e", "ip.dst",
                "-e", "udp.dstport", "-e", "sip.Method", "-e", "sip.Status-Code", "-e", "sip.CSeq.method",
                "-e", "sip.Call-ID"), fields);
        if (tshark.awaitExit(Duration.ofSeconds(60)).orElse(-1) != 0) {
            throw new AssertionError("tshark failed: " + tshark.tail(20));
        }
        List<Decoded> decoded = new ArrayList<>();
        for (String line : tshark.output().split("\n")) {
            String[] field = line.split("\\|", -1);
            if (field.length == 8) {
                boolean request = !field[4].isEmpty();
                decoded.add(new Decoded(new InetSocketAddress(field[0], Integer.parseInt(field[1])),
                        new InetSocketAddress(field[2], Integer.parseInt(field[3])),
                        request ? field[4] : field[6], request ? 0 : Integer.parseInt(field[5]), field[7]));
            }
        }
        return decoded;
    }

    /** Whether something (sngrep) has the port: binding it fails. */
    private static boolean isBound(InetSocketAddress address) {
        try (DatagramSocket probe = new DatagramSocket(address)) {
            return false;
        } catch (BindException e) {
            return true;
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}

package org.interchange.it.softphone;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.interchange.it.support.ChildProcess;
import org.interchange.it.support.sip.Received;
import org.interchange.it.support.sip.Subscriber;
import org.interchange.it.support.sip.Transport;

/**
 * A baresip 1.0 softphone (Debian's {@code baresip-core}) for one subscriber: a configuration directory of its own
 * whose account registers at the router over UDP or TCP (the router as outbound proxy), answers calls by itself, and
 * sends a sine tone; SIP and media only on loopback, on ports of its own. It runs with {@code -s}, so its console
 * output, kept in a log file, holds every SIP message it sends and receives.
 */
final class Baresip {

    private static final Path EXECUTABLE = Path.of("/usr/bin/baresip");
    private static final Path MODULES = Path.of("/usr/lib/baresip/modules");
    private static final String LOOPBACK = "127.0.0.1";
    /** What {@code -s} prints per message: a header line, the message, then the escape that ends its colour. */
    private static final Pattern TRACED_MESSAGE = Pattern.compile(
            "(?m)^(UDP|TCP) (\\d+\\.\\d+\\.\\d+\\.\\d+):(\\d+) -> (\\d+\\.\\d+\\.\\d+\\.\\d+):(\\d+)\\r?\\n(.*?)\u001b\\[;m",
            Pattern.DOTALL);

    private final Path configuration;
    private final InetSocketAddress sip;
    private final Path log;

    private Baresip(Path configuration, InetSocketAddress sip, Path log) {
        this.configuration = configuration;
        this.sip = sip;
        this.log = log;
    }

    /** Whether baresip and its modules are where Debian's package puts them ({@code .ci/install-tools}). */
    static boolean isInstalled() {
        return Files.isExecutable(EXECUTABLE) && Files.isDirectory(MODULES);
    }

    /**
     * Writes the configuration of a phone.
     *
     * @param outboundProxy where it sends everything: a listener of the router
     * @param transport     the listener's transport, which the phone registers and calls over
     * @param sipPort       the port it listens on; baresip also takes the next one (TLS)
     * @param rtpPorts      the first of 20 ports for its media
     * @param directory     its configuration directory, created here
     * @param log           where its console output goes
     */
    static Baresip configure(Subscriber subscriber, InetSocketAddress outboundProxy, Transport transport, int sipPort,
                             int rtpPorts, Path directory, Path log) throws IOException {
        Files.createDirectories(directory);
        String viaTransport = transport == Transport.UDP ? "" : ";transport=" + transport.uriParameter();
        Files.writeString(directory.resolve("accounts"), "<" + subscriber.uri() + viaTransport + ">;auth_pass="
                + subscriber.password() + ";answermode=auto;outbound=\"sip:" + hostPort(outboundProxy) + viaTransport
                + "\"\n");
        // net_interface keeps the SDP on loopback: by default baresip offers the address of the first interface
        Files.writeString(directory.resolve("config"), String.join("\n",
                "poll_method epoll",
                "sip_listen " + LOOPBACK + ":" + sipPort,
                "net_interface " + LOOPBACK,
                "rtp_ports " + rtpPorts + "-" + (rtpPorts + 19),
                "module_path " + MODULES,
                "module g711.so",
                "module ausine.so",
                "module aufile.so",
                "module_app account.so",
                "module_app menu.so",
                "audio_source ausine,440",
                "audio_player aufile," + directory.resolve("play.wav"),
                "audio_alert aufile," + directory.resolve("alert.wav"),
                "ausrc_srate 48000",
                "auplay_srate 48000",
                "ausrc_channels 2",
                "auplay_channels 2",
                ""));
        return new Baresip(directory, new InetSocketAddress(LOOPBACK, sipPort), log);
    }

    /** Starts {@code baresip -f <configuration> -s} with further arguments, such as {@code -e "/dial ..."}. */
    ChildProcess start(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString(), "-f", configuration.toString(), "-s"));
        command.addAll(List.of(arguments));
        return ChildProcess.start(new ProcessBuilder(command).directory(configuration.toFile()), log);
    }

    /**
     * The SIP messages this phone received, parsed, as its trace in {@code output} shows them.
     *
     * @throws AssertionError when one does not parse
     */
    List<Received> received(String output) {
        List<Received> received = new ArrayList<>();
        Matcher traced = TRACED_MESSAGE.matcher(output);
        while (traced.find()) {
            InetSocketAddress to = new InetSocketAddress(traced.group(4), Integer.parseInt(traced.group(5)));
            if (!to.equals(sip)) {
                continue;
            }
            InetSocketAddress from = new InetSocketAddress(traced.group(2), Integer.parseInt(traced.group(3)));
            byte[] message = traced.group(6).getBytes(StandardCharsets.UTF_8);
            try {
                received.add(Received.parse(Transport.valueOf(traced.group(1)), from, to, message));
            } catch (ParseException e) {
                throw new AssertionError("a message in the trace of " + log + " does not parse: "
                        + traced.group(6), e);
            }
        }
        return received;
    }

    @Override
    public String toString() {
        return "baresip on " + hostPort(sip) + " (" + configuration + ", log " + log + ")";
    }

    private static String hostPort(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}

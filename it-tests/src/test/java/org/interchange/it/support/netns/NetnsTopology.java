package org.interchange.it.support.netns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.sun.security.auth.module.UnixSystem;

/**
 * Two network namespaces joined to the tests' own (the root namespace, where the router runs) by veth links, so that
 * the kernel routes to real peers over real interfaces: a JUnit 5 extension that builds them before the test class
 * and removes them after it.
 * <pre>
 *   root namespace                                            namespace icit-pub, interface eth0
 *   icit-pub   198.51.100.1/24, 2001:db8::1/64  ---- veth ----  198.51.100.2/24, 2001:db8::2/64
 *                                                             namespace icit-priv, interface eth0
 *   icit-priv  203.0.113.9/24 (primary), 203.0.113.1/24 ---- veth ----  203.0.113.2/24
 * </pre>
 * The kernel sends to 203.0.113.2 from the primary address, 203.0.113.9, which a test leaves without a listener;
 * 203.0.113.1 is a secondary address of the same interface. IPv6 addresses skip duplicate address detection
 * ({@code nodad}), so they are usable at once. Documentation addresses only (RFC 5737, RFC 3849): nothing leaves the
 * machine.
 *
 * <p>Register it before {@code ArquillianExtension}, {@code @ExtendWith({NetnsTopology.class,
 * ArquillianExtension.class})}: JUnit runs before-all callbacks in registration order, and Arquillian starts the
 * class's router in its own, so the router finds its addresses to listen on (it refuses to start when a listener
 * cannot bind). The topology is removed after the class, its tests failed or not, and at JVM exit should the run be
 * interrupted; what a killed run left (same names) is removed before it is built. The router keeps running until
 * the end of the run, its listeners on addresses that are gone; it sends nothing there any more.
 *
 * <p>Needs root and iproute2's {@code ip netns}: without them the class is skipped with the reason (a condition that
 * adds and deletes a namespace, {@code icit-probe}). Two runs on one machine cannot overlap: the addresses are the
 * root namespace's. Every command is bounded ({@link IpCommand#TIMEOUT}) and logged in
 * {@code target/interchange-it/netns/commands.log}.
 */
public final class NetnsTopology implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

    /**
     * A namespace joined to the root namespace by a veth pair: the root side is named like the namespace, the side
     * inside it {@code eth0}.
     *
     * @param rootAddresses the root side's addresses with their prefix, in the order added (the first IPv4 one is
     *                      the primary)
     * @param peerAddresses the namespace side's
     */
    public record Link(String namespace, List<String> rootAddresses, List<String> peerAddresses) {

        static final String PEER_INTERFACE = "eth0";

        /** The root side's interface, named like the namespace. */
        public String rootInterface() {
            return namespace;
        }

        /** A root-side address, without its prefix. */
        public InetAddress rootAddress(int index) {
            return address(rootHost(index));
        }

        /** A namespace-side address, without its prefix. */
        public InetAddress peerAddress(int index) {
            return address(peerHost(index));
        }

        /** A namespace-side address as written here, without its prefix: {@code 2001:db8::2}. */
        public String peerHost(int index) {
            return withoutPrefix(peerAddresses.get(index));
        }

        /** A root-side address as written here, without its prefix: {@code 203.0.113.9}. */
        public String rootHost(int index) {
            return withoutPrefix(rootAddresses.get(index));
        }

        private static String withoutPrefix(String address) {
            return address.substring(0, address.indexOf('/'));
        }

        private static InetAddress address(String literal) {
            try {
                return InetAddress.getByName(literal); // a literal: no lookup
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(literal, e);
            }
        }
    }

    /** The "public" side: the kernel sends from an address the router listens on, over IPv4 and IPv6. */
    public static final Link PUBLIC = new Link("icit-pub", List.of("198.51.100.1/24", "2001:db8::1/64"),
            List.of("198.51.100.2/24", "2001:db8::2/64"));

    /** The "private" side: the kernel sends from 203.0.113.9, the primary address; the router listens on .1. */
    public static final Link PRIVATE = new Link("icit-priv", List.of("203.0.113.9/24", "203.0.113.1/24"),
            List.of("203.0.113.2/24"));

    private static final List<Link> LINKS = List.of(PUBLIC, PRIVATE);
    private static final String PROBE = "icit-probe";

    /** Whether this machine can build it: found out once per run. */
    private static volatile ConditionEvaluationResult capability;

    private final AtomicBoolean built = new AtomicBoolean();
    private Thread removeOnExit;

    /** Skips the class, with the reason, where namespaces cannot be made. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        ConditionEvaluationResult result = capability;
        if (result == null) {
            result = probe();
            capability = result;
        }
        return result;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        removeLeftovers();
        removeOnExit = new Thread(this::removeQuietly, "interchange-it-netns-remove");
        Runtime.getRuntime().addShutdownHook(removeOnExit);
        built.set(true);
        for (Link link : LINKS) {
            build(link);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            remove();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(removeOnExit);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs anyway
            }
        }
    }

    /**
     * A command run inside a namespace: {@code ip netns exec <namespace> <command>}. The program runs with the
     * process id {@code ip} started with.
     */
    public static List<String> inNamespace(String namespace, List<String> command) {
        List<String> line = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        line.addAll(command);
        return line;
    }

    /** Whether a UDP socket is bound to {@code socket} in a namespace ({@code ss}, in the namespace). */
    public static boolean listensOnUdp(String namespace, InetSocketAddress socket) {
        return IpCommand.ip("netns", "exec", namespace, "ss", "-H", "-l", "-u", "-n").output().lines()
                .map(line -> line.trim().split("\\s+"))
                .filter(columns -> columns.length >= 4)
                .map(columns -> localSocket(columns[3]))
                .anyMatch(socket::equals);
    }

    /**
     * The local socket of a line of {@code ss -Hlun}: {@code 198.51.100.2:5060}, {@code [2001:db8::2]:5060}; null for
     * a wildcard ({@code *:5060}) or a scoped address ({@code [fe80::1]%eth0:5060}), which no test asks for.
     */
    private static InetSocketAddress localSocket(String column) {
        int colon = column.lastIndexOf(':');
        String host = column.substring(0, Math.max(colon, 0));
        if (colon < 0 || host.contains("%") || host.equals("*")) {
            return null;
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host.replace("[", "").replace("]", "")),
                    Integer.parseInt(column.substring(colon + 1)));
        } catch (UnknownHostException | NumberFormatException e) {
            return null;
        }
    }

    private static void build(Link link) {
        String namespace = link.namespace();
        IpCommand.ip("netns", "add", namespace);
        IpCommand.ip("link", "add", link.rootInterface(), "type", "veth", "peer", "name", Link.PEER_INTERFACE,
                "netns", namespace);
        for (String address : link.rootAddresses()) {
            IpCommand.ip(addressCommand(List.of(), address, link.rootInterface()));
        }
        IpCommand.ip("link", "set", link.rootInterface(), "up");
        IpCommand.ip("-n", namespace, "link", "set", "lo", "up");
        for (String address : link.peerAddresses()) {
            IpCommand.ip(addressCommand(List.of("-n", namespace), address, Link.PEER_INTERFACE));
        }
        IpCommand.ip("-n", namespace, "link", "set", Link.PEER_INTERFACE, "up");
    }

    private static String[] addressCommand(List<String> where, String address, String device) {
        List<String> command = new ArrayList<>(where);
        command.addAll(List.of("addr", "add", address, "dev", device));
        if (address.contains(":")) {
            command.add("nodad");
        }
        return command.toArray(String[]::new);
    }

    /** What a killed run left: the links and namespaces of these names. */
    private static void removeLeftovers() {
        List<String> failures = removeAll();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("cannot remove what an earlier run left: " + failures);
        }
    }

    private void remove() {
        if (!built.getAndSet(false)) {
            return;
        }
        List<String> failures = removeAll();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the network namespaces were not all removed: " + failures);
        }
    }

    private void removeQuietly() {
        if (built.getAndSet(false)) {
            removeAll();
        }
    }

    /**
     * Deletes the root side of each link (which deletes its pair) and each namespace, whichever exist; goes on
     * after a failure.
     *
     * @return what failed
     */
    private static List<String> removeAll() {
        List<String> failures = new ArrayList<>();
        List<String> namespaces;
        try {
            namespaces = namespaces(IpCommand.ip("netns", "list"));
        } catch (RuntimeException e) {
            failures.add(e.getMessage());
            namespaces = LINKS.stream().map(Link::namespace).toList(); // try them all
        }
        for (Link link : LINKS) {
            try {
                if (IpCommand.ipTolerated("link", "show", "dev", link.rootInterface()).succeeded()) {
                    IpCommand.ip("link", "del", link.rootInterface());
                }
                if (namespaces.contains(link.namespace())) {
                    IpCommand.ip("netns", "del", link.namespace());
                }
            } catch (RuntimeException e) {
                failures.add(e.getMessage());
            }
        }
        return failures;
    }

    /** The names {@code ip netns list} printed: {@code icit-pub (id: 3)} is icit-pub. */
    private static List<String> namespaces(IpCommand.Outcome list) {
        return list.output().lines().map(String::trim).filter(line -> !line.isEmpty())
                .map(line -> line.split("\\s+")[0]).toList();
    }

    /** Whether this process is root and can add and delete a namespace. */
    private static ConditionEvaluationResult probe() {
        long uid = new UnixSystem().getUid();
        if (uid != 0) {
            return ConditionEvaluationResult.disabled("network namespaces need root, and this runs as uid " + uid
                    + " (CI runs the integration tests as root)");
        }
        try {
            IpCommand.Outcome list = IpCommand.run("ip", "netns", "list");
            if (!list.succeeded()) {
                return ConditionEvaluationResult.disabled("ip netns is unavailable here: " + list);
            }
            if (namespaces(list).contains(PROBE)) {
                IpCommand.run("ip", "netns", "del", PROBE); // a killed run's
            }
            IpCommand.Outcome added = IpCommand.run("ip", "netns", "add", PROBE);
            if (!added.succeeded()) {
                return ConditionEvaluationResult.disabled("ip netns is unavailable here: " + added);
            }
            IpCommand.Outcome deleted = IpCommand.run("ip", "netns", "del", PROBE);
            if (!deleted.succeeded()) {
                return ConditionEvaluationResult.disabled("ip netns is unavailable here: " + deleted);
            }
            return ConditionEvaluationResult.enabled("root, with ip netns");
        } catch (IOException e) {
            return ConditionEvaluationResult.disabled("iproute2's ip is not installed (" + e.getMessage()
                    + "): .ci/install-tools installs it");
        }
    }
}

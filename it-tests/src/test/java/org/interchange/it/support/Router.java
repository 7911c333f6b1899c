package org.interchange.it.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.interchange.it.support.sip.IpFamily;
import org.interchange.it.support.sip.Received;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.Subscriber;
import org.interchange.it.support.sip.Transport;

/**
 * The running router a test talks to: the distribution that the container adapter started for the test's
 * deployment. A test gets it with {@code @ArquillianResource Router router}.
 *
 * <p>It knows the router's configuration (the file the adapter wrote), so tests ask it for listener addresses and
 * limits rather than repeating them; it provisions subscribers through the admin API and opens agents configured
 * the way a phone would be, with the router as outbound proxy. Thread-safe.
 */
public final class Router {

    /** Makes subscriber names unique within a run, which every database of the run then is. */
    private static final AtomicInteger SUBSCRIBERS = new AtomicInteger();

    private final String name;
    private final Map<String, String> settings;
    private final List<Listener> listeners;
    private final AdminClient admin;
    private final Path log;
    private final Path configuration;
    private final Path data;
    private final Runnable restart;
    /** The keystore the router serves on its TLS listeners, as the agents' key and trust; made when first needed. */
    private volatile SSLContext tls;

    /** A SIP listener of the router that the test agents can speak to. */
    public record Listener(String name, Transport transport, InetSocketAddress address) {

        /** The address as the host part of a URI or Via: {@code 127.0.0.2}, {@code [::1]}. */
        public String uriHost() {
            return IpFamily.uriHost(address.getAddress());
        }
    }

    /**
     * Made by the container adapter.
     *
     * @param settings    the router's configuration, as written to its interchange.properties
     * @param contextPath the WAR's context path ({@code /interchange})
     * @param configuration the router's {@code conf/interchange.properties}
     * @param data        the router's data directory, where it generates the keystore of its TLS listeners
     * @param restart     stops the router process and starts it again on the same configuration and data
     */
    public Router(String name, Map<String, String> settings, String contextPath, Path log, Path configuration,
                  Path data, Runnable restart) {
        this.name = name;
        this.settings = Map.copyOf(settings);
        this.listeners = listeners(settings);
        this.log = log;
        this.configuration = configuration;
        this.data = data;
        this.restart = restart;
        this.admin = new AdminClient(URI.create("http://" + setting("admin.http") + contextPath + "/api/"),
                settings.getOrDefault("admin.user", "admin"), setting("admin.password"));
    }

    /** A configuration value of the router. */
    public String setting(String key) {
        String value = settings.get(key);
        if (value == null) {
            throw new IllegalArgumentException("the test configuration of " + name + " does not set " + key);
        }
        return value;
    }

    /** A numeric configuration value, such as {@code registrar.min-expires}. */
    public int intSetting(String key) {
        return Integer.parseInt(setting(key));
    }

    /** The default domain: the first of {@code domains}. */
    public String domain() {
        return setting("domains").split(",")[0].trim();
    }

    /** The listener of a transport on the loopback address of a family. */
    public InetSocketAddress sipAddress(Transport transport, IpFamily family) {
        return listeners.stream()
                .filter(listener -> listener.transport() == transport
                        && IpFamily.of(listener.address().getAddress()) == family)
                .map(Listener::address).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no " + transport + " listener on "
                        + family + ": " + listeners));
    }

    /** The listener of that name ({@code listener.<name>}). */
    public Listener listener(String listenerName) {
        return listeners.stream().filter(listener -> listener.name().equals(listenerName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no listener " + listenerName + ": "
                        + listeners));
    }

    /** The listeners (UDP, TCP and TLS), in the order of the configuration. */
    public List<Listener> listeners() {
        return listeners;
    }

    /** The IPv4 listener of a transport. */
    public InetSocketAddress sipAddress(Transport transport) {
        return sipAddress(transport, IpFamily.IPV4);
    }

    /**
     * The router's TLS keys and trust, for TLS agents: the self-signed keystore the router generated in its data
     * directory ({@code tls/interchange.p12}, its password beside it), or the {@code tls.keystore} of its settings.
     * An agent with it serves the router's certificate and trusts only that.
     */
    public SSLContext tls() {
        SSLContext context = tls;
        if (context == null) {
            context = tlsContext();
            tls = context;
        }
        return context;
    }

    private SSLContext tlsContext() {
        Path keystore = settings.containsKey("tls.keystore") ? Path.of(setting("tls.keystore"))
                : data.resolve("tls/interchange.p12");
        try {
            char[] password = (settings.containsKey("tls.keystore") ? setting("tls.keystore-password")
                    : Files.readString(data.resolve("tls/interchange.p12.password")).strip()).toCharArray();
            KeyStore store = KeyStore.getInstance(keystore.toFile(), password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(name + ": cannot use the router's keystore " + keystore + " (router log: "
                    + log + ")", e);
        }
    }

    /** The router's own URI on a listener: {@code sip:127.0.0.1:15060;transport=tcp}. */
    public String uri(Transport transport, IpFamily family) {
        InetSocketAddress address = sipAddress(transport, family);
        return "sip:" + IpFamily.uriHost(address.getAddress()) + ":" + address.getPort()
                + (transport == Transport.UDP ? "" : ";transport=" + transport.uriParameter());
    }

    /**
     * Whether a message came from the router: from the listener's address, and, on UDP, from its port too (TCP
     * connections the router opens start from a port of the system's choosing).
     */
    public boolean isSourceOf(Received message) {
        InetSocketAddress listener = sipAddress(message.transport(), IpFamily.of(message.remote().getAddress()));
        return message.remote().getAddress().equals(listener.getAddress())
                && (message.transport() != Transport.UDP || message.remote().getPort() == listener.getPort());
    }

    /** The router's data directory: its generated keystore (tls/), H2 database and, unless set, admin password. */
    public Path data() {
        return data;
    }

    /** The router's console output ({@code logs/router.log} of its working copy), its warnings included. */
    public Path log() {
        return log;
    }

    /**
     * The router's configuration file in its working copy, which a test may change and have the router reload;
     * {@link #setting} keeps the values the router started with.
     */
    public Path configuration() {
        return configuration;
    }

    public AdminClient admin() {
        return admin;
    }

    /** Provisions a new subscriber of the default domain, named {@code <name>-<n>}. */
    public Subscriber newSubscriber(String name) {
        String user = name + "-" + SUBSCRIBERS.incrementAndGet();
        Subscriber subscriber = new Subscriber(user, domain(), "secret-" + user);
        admin.addSubscriber(subscriber);
        return subscriber;
    }

    /** An anonymous agent on IPv4 loopback with this router as its outbound proxy. */
    public SipAgent agent(Transport transport) {
        return agent(transport, IpFamily.IPV4);
    }

    /** An anonymous agent on the loopback of {@code family} with this router as its outbound proxy. */
    public SipAgent agent(Transport transport, IpFamily family) {
        return open(transport, family, Optional.empty(), sipAddress(transport, family));
    }

    /** An agent on the loopback of a listener's family, speaking its transport, with it as outbound proxy. */
    public SipAgent agent(Listener via, Optional<Subscriber> subscriber) {
        return open(via.transport(), IpFamily.of(via.address().getAddress()), subscriber, via.address());
    }

    /** A subscriber's agent on IPv4 loopback with this router as its outbound proxy. */
    public SipAgent agent(Transport transport, Subscriber subscriber) {
        return open(transport, IpFamily.IPV4, Optional.of(subscriber), sipAddress(transport, IpFamily.IPV4));
    }

    private SipAgent open(Transport transport, IpFamily family, Optional<Subscriber> subscriber,
                          InetSocketAddress outboundProxy) {
        return SipAgent.open(transport, family, subscriber, Optional.of(outboundProxy),
                transport == Transport.TLS ? Optional.of(tls()) : Optional.empty());
    }

    /**
     * A new subscriber's agent whose contact is registered.
     *
     * @throws AssertionError when the registration does not succeed
     */
    public SipAgent registeredAgent(Transport transport, String name) {
        SipAgent agent = agent(transport, newSubscriber(name));
        Received response = agent.register();
        if (response.status() != 200) {
            agent.close();
            throw new AssertionError(agent + " could not register (router log: " + log + "):\n" + response);
        }
        return agent;
    }

    /** Stops the router process and starts it again with the same configuration and data directory. */
    public void restart() {
        restart.run();
    }

    @Override
    public String toString() {
        return name + " " + listeners + " (log: " + log + ")";
    }

    /** The listeners of {@code listener.<name> = <transport>:<address>:<port> [advertise ...]}. */
    private static List<Listener> listeners(Map<String, String> settings) {
        List<Listener> listeners = new ArrayList<>();
        settings.forEach((key, value) -> {
            if (!key.startsWith("listener.")) {
                return;
            }
            String socket = value.trim().split("\\s+")[0];
            String token = socket.substring(0, socket.indexOf(':'));
            Optional<Transport> transport = Arrays.stream(Transport.values())
                    .filter(t -> t.uriParameter().equalsIgnoreCase(token)).findFirst();
            if (transport.isEmpty()) {
                return; // a transport the agents do not speak
            }
            String hostPort = socket.substring(token.length() + 1);
            int colon = hostPort.lastIndexOf(':');
            String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
            try {
                listeners.add(new Listener(key.substring("listener.".length()), transport.get(), new InetSocketAddress(InetAddress.getByName(host),
                        Integer.parseInt(hostPort.substring(colon + 1)))));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(key + " = " + value + " is not an IP address", e);
            }
        });
        return List.copyOf(listeners);
    }
}

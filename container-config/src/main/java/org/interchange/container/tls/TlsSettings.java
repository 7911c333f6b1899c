package org.interchange.container.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.UnrecoverableKeyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import org.interchange.container.config.IpAddresses;
import org.interchange.container.config.InvalidConfigurationException;
import org.interchange.container.config.RouterConfiguration;
import org.interchange.container.config.SipListener;
import org.interchange.container.config.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the TLS listeners serve and trust ({@code tls.*} of {@code interchange.properties}), checked at start, and
 * the JAIN-SIP stack properties that carry it to the SIP stack.
 *
 * <p>JAIN-SIP 1.3.0-91 reads, from its stack properties: {@code javax.net.ssl.keyStore}, {@code keyStorePassword},
 * {@code keyStoreType} and their {@code trustStore} counterparts (its {@code SslNetworkLayer} makes the server and
 * client sockets of every TLS listener from them; without a keystore it uses the JVM's default socket factories,
 * which hold no key, and logs "TLS server settings will be inactive"); {@code gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE};
 * {@code TLS_CLIENT_PROTOCOLS} and {@code ENABLED_CIPHER_SUITES}, which, despite their names, it sets on its server
 * sockets too. Its defaults do not suit Java 17: protocols TLSv1.2, 1.1 and 1.0 (the JDK disables the last two, and
 * TLSv1.3 is left out), cipher suites of RSA key exchange, 3DES and anonymous DH only (no suite for an EC key,
 * and none for TLSv1.3), and a client-auth default that requires a certificate from every peer. So every one of
 * these is set here, defaulting to TLSv1.3 and TLSv1.2, the JDK's own default suites, and no client certificate.
 *
 * <p>The sockets themselves come from {@link VerifyingNetworkLayer} (the stack property
 * {@code gov.nist.javax.sip.NETWORK_LAYER}) rather than JAIN-SIP's {@code SslNetworkLayer}, which trusts the
 * truststore's certificates but never checks that a server's names the host called ({@code tls.verify-server}).
 *
 * <p>The stack also reads Java system properties of the same names before its own ({@code -Djavax.net.ssl.keyStore}
 * would win over {@code tls.keystore}); the passwords are given as defaults of the properties, so that MSS, which
 * logs its stack properties at INFO, does not print them.
 */
public final class TlsSettings {

    /** A PKCS12 or JKS keystore with the key and certificate chain the TLS listeners serve. */
    public static final String KEYSTORE_KEY = "tls.keystore";
    public static final String KEYSTORE_PASSWORD_KEY = "tls.keystore-password";
    /** The certificates trusted in peers (client certificates, and servers the router connects to). */
    public static final String TRUSTSTORE_KEY = "tls.truststore";
    public static final String TRUSTSTORE_PASSWORD_KEY = "tls.truststore-password";
    /** Whether peers that connect must present a trusted certificate: {@link ClientAuth}. */
    public static final String VERIFY_CLIENT_KEY = "tls.verify-client";
    /** Whether a TLS server the router calls must have a certificate naming the host called (RFC 5922). */
    public static final String VERIFY_SERVER_KEY = "tls.verify-server";
    /** {@value}, which {@link #VERIFY_CLIENT_KEY} replaced; still read, to tell an operator what it became. */
    static final String FORMER_CLIENT_AUTH_KEY = "tls.client-auth";
    public static final String PROTOCOLS_KEY = "tls.protocols";
    public static final String CIPHER_SUITES_KEY = "tls.cipher-suites";
    /** Every key this class reads, for the router to acknowledge. */
    public static final List<String> KEYS = List.of(KEYSTORE_KEY, KEYSTORE_PASSWORD_KEY, TRUSTSTORE_KEY,
            TRUSTSTORE_PASSWORD_KEY, VERIFY_CLIENT_KEY, VERIFY_SERVER_KEY, PROTOCOLS_KEY, CIPHER_SUITES_KEY);

    /** Where in the data directory a keystore is generated. */
    public static final String GENERATED_DIRECTORY = "tls";

    static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private static final Logger log = LoggerFactory.getLogger(TlsSettings.class);

    /** A keystore file, as JAIN-SIP is to open it. */
    record Store(Path path, String type, String password) {
        @Override
        public String toString() {
            return path + " (" + type + ")";
        }
    }

    private final Store keystore;
    private final Store truststore;
    private final boolean generated;
    private final ClientAuth clientAuth;
    private final boolean verifyServer;
    private final List<String> protocols;
    private final List<String> cipherSuites;

    private TlsSettings(Store keystore, Store truststore, boolean generated, ClientAuth clientAuth,
                        boolean verifyServer, List<String> protocols, List<String> cipherSuites) {
        this.keystore = keystore;
        this.truststore = truststore;
        this.generated = generated;
        this.clientAuth = clientAuth;
        this.verifyServer = verifyServer;
        this.protocols = protocols;
        this.cipherSuites = cipherSuites;
    }

    /**
     * The TLS settings of a configuration, when one of its listeners is a TLS listener; empty otherwise (the keys are
     * still checked). Without {@code tls.keystore}, a self-signed keystore is generated in the data directory on the
     * first start and reused after.
     *
     * @throws InvalidConfigurationException when a key is wrong, a keystore does not open or holds no key, or no
     *                                       keystore is named and there is no data directory to generate one in
     * @throws IllegalStateException         when the keystore cannot be generated
     */
    public static Optional<TlsSettings> resolve(RouterConfiguration config, List<SipListener> listeners) {
        return resolve(config, listeners, config.dataDirectory());
    }

    static Optional<TlsSettings> resolve(RouterConfiguration config, List<SipListener> listeners,
                                         Optional<Path> dataDirectory) {
        if (config.optional(FORMER_CLIENT_AUTH_KEY).isPresent()) {
            throw config.invalid(FORMER_CLIENT_AUTH_KEY, "was renamed " + VERIFY_CLIENT_KEY + " (off, want or need; "
                    + "disabled became off): write " + VERIFY_CLIENT_KEY + " = " + formerClientAuth(config)
                    + " instead");
        }
        ClientAuth clientAuth = config.parsed(VERIFY_CLIENT_KEY, ClientAuth.OFF, ClientAuth::parse);
        boolean verifyServer = config.bool(VERIFY_SERVER_KEY, true);
        SSLParameters supported = jdkContext().getSupportedSSLParameters();
        List<String> protocols = config.list(PROTOCOLS_KEY, DEFAULT_PROTOCOLS,
                name -> oneOf(name, supported.getProtocols(), "protocol"));
        List<String> cipherSuites = config.list(CIPHER_SUITES_KEY,
                List.of(jdkContext().getDefaultSSLParameters().getCipherSuites()),
                name -> oneOf(name, supported.getCipherSuites(), "cipher suite"));
        if (protocols.isEmpty()) {
            throw config.invalid(PROTOCOLS_KEY, "names no protocol");
        }
        if (cipherSuites.isEmpty()) {
            throw config.invalid(CIPHER_SUITES_KEY, "names no cipher suite");
        }
        Optional<String> keystorePath = config.optional(KEYSTORE_KEY);
        Optional<String> keystorePassword = config.optional(KEYSTORE_PASSWORD_KEY);
        Optional<String> truststorePath = config.optional(TRUSTSTORE_KEY);
        Optional<String> truststorePassword = config.optional(TRUSTSTORE_PASSWORD_KEY);

        List<SipListener> tlsListeners = listeners.stream().filter(l -> l.transport() == Transport.TLS).toList();
        if (tlsListeners.isEmpty()) {
            return Optional.empty();
        }
        Store keystore;
        boolean generated = keystorePath.isEmpty();
        if (keystorePath.isPresent()) {
            String password = keystorePassword.orElseThrow(() -> config.invalid(KEYSTORE_PASSWORD_KEY,
                    "is required with " + KEYSTORE_KEY));
            keystore = open(config, KEYSTORE_KEY, resolvePath(config, keystorePath.get()), password, true);
        } else {
            if (keystorePassword.isPresent()) {
                throw config.invalid(KEYSTORE_PASSWORD_KEY, "is set, but " + KEYSTORE_KEY + " is not");
            }
            keystore = generated(config, tlsListeners, dataDirectory);
        }
        Store truststore = truststorePath.isEmpty() ? keystore : open(config, TRUSTSTORE_KEY,
                resolvePath(config, truststorePath.get()), truststorePassword.orElse(keystore.password()), false);
        warnAboutSystemProperties();
        return Optional.of(new TlsSettings(keystore, truststore, generated, clientAuth, verifyServer, protocols,
                cipherSuites));
    }

    /** The keystore to serve. */
    public Path keystore() {
        return keystore.path();
    }

    /** The keystore whose certificates are trusted in peers. */
    public Path truststore() {
        return truststore.path();
    }

    /** Whether the keystore is the self-signed one generated in the data directory. */
    public boolean isGenerated() {
        return generated;
    }

    public ClientAuth clientAuth() {
        return clientAuth;
    }

    /** Whether the certificate of a TLS server the router calls must name the host called. */
    public boolean verifiesServer() {
        return verifyServer;
    }

    public List<String> protocols() {
        return protocols;
    }

    public List<String> cipherSuites() {
        return cipherSuites;
    }

    /**
     * The JAIN-SIP stack properties for these settings, for MSS's {@code SipStandardService#setSipStackProperties}:
     * MSS loads its stack properties file over them. The passwords are defaults of the returned properties, which
     * {@link Properties#getProperty} finds and {@link Properties#toString} does not print.
     */
    public Properties stackProperties() {
        Properties secrets = new Properties();
        secrets.setProperty("javax.net.ssl.keyStorePassword", keystore.password());
        secrets.setProperty("javax.net.ssl.trustStorePassword", truststore.password());
        Properties properties = new Properties(secrets);
        properties.setProperty("javax.net.ssl.keyStore", keystore.path().toString());
        properties.setProperty("javax.net.ssl.keyStoreType", keystore.type());
        properties.setProperty("javax.net.ssl.trustStore", truststore.path().toString());
        properties.setProperty("javax.net.ssl.trustStoreType", truststore.type());
        properties.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", clientAuth.stackValue());
        properties.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", String.join(",", protocols));
        properties.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", String.join(",", cipherSuites));
        properties.setProperty("gov.nist.javax.sip.NETWORK_LAYER", VerifyingNetworkLayer.class.getName());
        properties.setProperty(VerifyingNetworkLayer.VERIFY_SERVER, String.valueOf(verifyServer));
        return properties;
    }

    /** For the log: where the keys are and what is asked of peers; no password. */
    @Override
    public String toString() {
        return "keystore " + keystore + (generated ? ", self-signed, generated by the router" : "")
                + ", truststore " + (truststore == keystore ? "the same" : truststore.toString())
                + ", client certificates " + clientAuth + ", server certificates checked against the host called "
                + (verifyServer ? "on" : "off") + ", " + String.join(", ", protocols);
    }

    private static Store generated(RouterConfiguration config, List<SipListener> tlsListeners,
                                   Optional<Path> dataDirectory) {
        String names = tlsListeners.stream().map(l -> SipListener.PREFIX + "." + l.name())
                .reduce((a, b) -> a + ", " + b).orElseThrow();
        Path data = dataDirectory.orElseThrow(() -> new InvalidConfigurationException(config.file() + ": " + names
                + (tlsListeners.size() == 1 ? " is a TLS listener" : " are TLS listeners") + ", but " + KEYSTORE_KEY
                + " is not set and there is no data directory (" + RouterConfiguration.DATA_DIR_KEY + " or -D"
                + RouterConfiguration.DATA_DIR_PROPERTY
                + ") to generate a self-signed keystore in: set " + KEYSTORE_KEY + " and " + KEYSTORE_PASSWORD_KEY));
        List<String> hosts = hosts(tlsListeners);
        SelfSignedKeystore selfSigned = new SelfSignedKeystore(data.resolve(GENERATED_DIRECTORY));
        SelfSignedKeystore.Generated keystore = selfSigned.ensure(hosts);
        if (keystore.created()) {
            log.info("TLS: generated a self-signed certificate for {} in {} (its password is in {}); peers must "
                    + "trust it, or set {} to a keystore of your own", String.join(", ",
                    SelfSignedKeystore.certificateNames(hosts)), keystore.keystore(), selfSigned.passwordFile(),
                    KEYSTORE_KEY);
        } else {
            List<String> missing = SelfSignedKeystore.notNamedBy(keystore.keystore(), keystore.password(),
                    SelfSignedKeystore.certificateNames(hosts));
            if (!missing.isEmpty()) {
                log.warn("TLS: the self-signed certificate in {} does not name {}: delete {} and its password file to "
                        + "generate one that does", keystore.keystore(), String.join(", ", missing), keystore.keystore());
            }
        }
        return open(config, KEYSTORE_KEY, keystore.keystore(), keystore.password(), true);
    }

    /** A keystore that a TLS server other than the SIP stack (the admin API's HTTPS) serves. */
    public record ServerKeystore(Path path, String type, String password) {
        @Override
        public String toString() {
            return path + " (" + type + ")";
        }
    }

    /**
     * The keystore of the admin API's HTTPS listener on {@code host}: {@code tls.keystore} when set, else the
     * self-signed one of the data directory, generated now when no start has generated it yet (naming the TLS
     * listeners' hosts and {@code host}, so that the SIP listeners can serve it too). Separate from
     * {@link #resolve}, which is for the SIP stack and exists only with a TLS listener.
     *
     * @throws InvalidConfigurationException as {@link #resolve} does
     * @throws IllegalStateException         when the keystore cannot be generated
     */
    public static ServerKeystore forAdmin(RouterConfiguration config, List<SipListener> listeners, String host) {
        Optional<String> keystorePath = config.optional(KEYSTORE_KEY);
        Store store;
        if (keystorePath.isPresent()) {
            String password = config.optional(KEYSTORE_PASSWORD_KEY).orElseThrow(() -> config.invalid(
                    KEYSTORE_PASSWORD_KEY, "is required with " + KEYSTORE_KEY));
            store = open(config, KEYSTORE_KEY, resolvePath(config, keystorePath.get()), password, true);
        } else {
            Path data = config.dataDirectory().orElseThrow(() -> new InvalidConfigurationException(config.file()
                    + ": the admin API listens on HTTPS, but " + KEYSTORE_KEY + " is not set and there is no data "
                    + "directory to generate a self-signed keystore in: set " + KEYSTORE_KEY));
            List<String> hosts = new ArrayList<>(hosts(listeners.stream()
                    .filter(l -> l.transport() == Transport.TLS).toList()));
            hosts.add(host);
            SelfSignedKeystore selfSigned = new SelfSignedKeystore(data.resolve(GENERATED_DIRECTORY));
            SelfSignedKeystore.Generated keystore = selfSigned.ensure(List.copyOf(new LinkedHashSet<>(hosts)));
            if (keystore.created()) {
                log.info("TLS: generated a self-signed certificate in {} (its password is in {}) for the admin API "
                        + "and the TLS listeners", keystore.keystore(), selfSigned.passwordFile());
            }
            store = open(config, KEYSTORE_KEY, keystore.keystore(), keystore.password(), true);
        }
        return new ServerKeystore(store.path(), store.type(), store.password());
    }

    /** What {@link #FORMER_CLIENT_AUTH_KEY}'s value is called now, or the choices when it was not valid. */
    private static String formerClientAuth(RouterConfiguration config) {
        String former = config.string(FORMER_CLIENT_AUTH_KEY, "").toLowerCase(java.util.Locale.ROOT);
        return switch (former) {
            case "disabled" -> "off";
            case "want", "need" -> former;
            default -> "off|want|need";
        };
    }

    /** The addresses and advertised hosts of the TLS listeners, without duplicates. */
    static List<String> hosts(List<SipListener> tlsListeners) {
        Set<String> hosts = new LinkedHashSet<>();
        tlsListeners.forEach(l -> l.advertised().ifPresent(a -> hosts.add(a.host())));
        tlsListeners.forEach(l -> hosts.add(IpAddresses.text(l.address())));
        return List.copyOf(hosts);
    }

    /**
     * Opens a keystore as JAIN-SIP will (PKCS12 or JKS, told apart by content), and checks that it has what it is
     * for: a key whose password is the store's, or certificates to trust.
     */
    private static Store open(RouterConfiguration config, String key, Path path, String password, boolean needsKey) {
        if (!Files.isRegularFile(path)) {
            throw config.invalid(key, path + (Files.exists(path) ? " is not a file" : " does not exist"));
        }
        if (!Files.isReadable(path)) {
            throw config.invalid(key, "cannot read " + path + " (permission denied)");
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance(path.toFile(), password.toCharArray());
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw config.invalid(key, "cannot open " + path + ": the password is wrong");
            }
            throw config.invalid(key, "cannot open " + path + ": " + e.getMessage());
        } catch (KeyStoreException e) {
            throw config.invalid(key, path + " is not a PKCS12 or JKS keystore");
        } catch (GeneralSecurityException e) {
            throw config.invalid(key, "cannot open " + path + ": " + e.getMessage());
        }
        try {
            List<String> aliases = Collections.list(store.aliases());
            if (needsKey) {
                if (aliases.stream().noneMatch(alias -> isKeyEntry(store, alias))) {
                    throw config.invalid(key, path + " holds no private key: a TLS listener needs a key and its "
                            + "certificate chain");
                }
                KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm()).init(store, password.toCharArray());
            } else if (aliases.isEmpty()) {
                throw config.invalid(key, path + " holds no certificate to trust");
            }
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm()).init(store);
        } catch (UnrecoverableKeyException e) {
            throw config.invalid(key, "a key in " + path + " has another password than the keystore; JAIN-SIP "
                    + "opens keys with the keystore's password");
        } catch (KeyStoreException | NoSuchAlgorithmException e) {
            throw config.invalid(key, "cannot use " + path + ": " + e.getMessage());
        }
        return new Store(path, store.getType(), password);
    }

    private static boolean isKeyEntry(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (KeyStoreException e) {
            return false;
        }
    }

    /** A path of the configuration, relative to the configuration file's directory unless absolute. */
    private static Path resolvePath(RouterConfiguration config, String path) {
        Path given = Path.of(path);
        return given.isAbsolute() ? given : config.file().getParent().resolve(given).normalize();
    }

    private static String oneOf(String name, String[] supported, String what) {
        return Arrays.stream(supported).filter(s -> s.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the JDK does not support the " + what + " '" + name
                        + "'"));
    }

    private static SSLContext jdkContext() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }

    private static void warnAboutSystemProperties() {
        for (String property : List.of("javax.net.ssl.keyStore", "javax.net.ssl.keyStorePassword",
                "javax.net.ssl.keyStoreType", "javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword",
                "javax.net.ssl.trustStoreType", "gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE",
                "gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "gov.nist.javax.sip.ENABLED_CIPHER_SUITES")) {
            if (System.getProperty(property) != null) {
                log.warn("TLS: the system property {} is set; the SIP stack takes it over the tls.* settings of the "
                        + "configuration", property);
            }
        }
    }
}

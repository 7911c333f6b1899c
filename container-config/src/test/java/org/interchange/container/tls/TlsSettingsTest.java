package org.interchange.container.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.sip.ListeningPoint;

import org.interchange.container.config.InvalidConfigurationException;
import org.interchange.container.config.RouterConfiguration;
import org.interchange.container.config.SipListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsSettingsTest {

    private static final String TLS_LISTENER = "listener.udp = udp:127.0.0.1:5060\n"
            + "listener.tls = tls:127.0.0.1:5061 advertise sip.example.com\n";

    /** A data directory whose keystore was generated once for the class: keytool takes a second. */
    @TempDir
    static Path shared;

    static TlsSettings generated;

    @TempDir
    Path directory;

    @BeforeAll
    static void generate() {
        generated = resolve(shared, TLS_LISTENER, Optional.of(shared.resolve("data"))).orElseThrow();
    }

    @Test
    void withoutATlsListenerNothingIsNeeded() {
        Optional<TlsSettings> tls = resolve(directory, "listener.udp = udp:127.0.0.1:5060\n",
                Optional.of(directory.resolve("data")));

        assertThat(tls).isEmpty();
        assertThat(directory.resolve("data")).doesNotExist();
    }

    @Test
    void withoutAKeystoreTheSelfSignedOneOfTheDataDirectoryIsServedAndTrusted() throws Exception {
        Path keystore = shared.resolve("data/tls/interchange.p12");

        assertThat(generated.isGenerated()).isTrue();
        assertThat(generated.keystore()).isEqualTo(keystore);
        assertThat(generated.truststore()).isEqualTo(keystore);
        X509Certificate certificate = (X509Certificate) SelfSignedKeystoreTest.load(keystore, password(shared))
                .getCertificate(SelfSignedKeystore.ALIAS);
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=sip.example.com");
        assertThat(certificate.getSubjectAlternativeNames()).extracting(name -> (Object) name.get(1))
                .containsExactly((Object) "sip.example.com", "127.0.0.1");
        assertThat(generated.toString()).contains(keystore.toString(), "self-signed", "client certificates off")
                .doesNotContain(password(shared));
    }

    @Test
    void theStackPropertiesCarryTheKeystoreAndHideItsPassword() throws IOException {
        Properties properties = generated.stackProperties();
        Path keystore = shared.resolve("data/tls/interchange.p12");

        assertThat(properties.getProperty("javax.net.ssl.keyStore")).isEqualTo(keystore.toString());
        assertThat(properties.getProperty("javax.net.ssl.keyStoreType")).isEqualTo("PKCS12");
        assertThat(properties.getProperty("javax.net.ssl.keyStorePassword")).isEqualTo(password(shared));
        assertThat(properties.getProperty("javax.net.ssl.trustStore")).isEqualTo(keystore.toString());
        assertThat(properties.getProperty("javax.net.ssl.trustStorePassword")).isEqualTo(password(shared));
        assertThat(properties.getProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE")).isEqualTo("Disabled");
        assertThat(properties.getProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS")).isEqualTo("TLSv1.3,TLSv1.2");
        assertThat(properties.getProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES"))
                .contains("TLS_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
        assertThat(properties.toString()).as("what MSS logs").doesNotContain(password(shared));
    }

    @Test
    void aLaterStartReusesTheGeneratedKeystore() throws IOException {
        byte[] before = Files.readAllBytes(generated.keystore());

        TlsSettings again = resolve(shared, TLS_LISTENER, Optional.of(shared.resolve("data"))).orElseThrow();

        assertThat(again.keystore()).isEqualTo(generated.keystore());
        assertThat(Files.readAllBytes(again.keystore())).isEqualTo(before);
        assertThat(again.stackProperties().getProperty("javax.net.ssl.keyStorePassword")).isEqualTo(password(shared));
    }

    @Test
    void aTlsListenerWithoutKeystoreNorDataDirectoryStopsTheStart() {
        assertThatThrownBy(() -> resolve(directory, TLS_LISTENER, Optional.empty()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(directory.resolve("interchange.properties") + ": listener.tls is a TLS listener, but "
                        + "tls.keystore is not set and there is no data directory (data.dir or -Dinterchange.data) to "
                        + "generate a self-signed keystore in: set tls.keystore and tls.keystore-password");
    }

    @Test
    void aConfiguredKeystoreIsUsedAsItIsWithItsTypeFoundFromItsContent() throws Exception {
        Path jks = copyAs("JKS", directory.resolve("conf/keys/router.jks"), "jks-secret");

        TlsSettings tls = resolve(directory.resolve("conf"), TLS_LISTENER + """
                tls.keystore = keys/router.jks
                tls.keystore-password = jks-secret
                tls.verify-client = need
                tls.protocols = TLSv1.3
                tls.cipher-suites = TLS_AES_256_GCM_SHA384, tls_aes_128_gcm_sha256
                """, Optional.of(directory.resolve("data"))).orElseThrow();

        assertThat(tls.isGenerated()).isFalse();
        assertThat(tls.keystore()).as("relative to the configuration file").isEqualTo(jks);
        assertThat(directory.resolve("data")).as("nothing generated").doesNotExist();
        Properties properties = tls.stackProperties();
        assertThat(properties.getProperty("javax.net.ssl.keyStoreType")).isEqualTo("JKS");
        assertThat(properties.getProperty("javax.net.ssl.trustStorePassword")).isEqualTo("jks-secret");
        assertThat(properties.getProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE")).isEqualTo("Enabled");
        assertThat(properties.getProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS")).isEqualTo("TLSv1.3");
        assertThat(properties.getProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES"))
                .isEqualTo("TLS_AES_256_GCM_SHA384,TLS_AES_128_GCM_SHA256");
    }

    @Test
    void aSeparateTruststoreHasItsOwnPasswordAndTypeAndNeedsNoKey() throws Exception {
        Path trust = directory.resolve("trust.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("peer", certificate());
        try (OutputStream out = Files.newOutputStream(trust)) {
            store.store(out, "trust-secret".toCharArray());
        }

        TlsSettings tls = resolve(directory, TLS_LISTENER + "tls.truststore = " + trust
                + "\ntls.truststore-password = trust-secret\ntls.verify-client = want\n",
                Optional.of(shared.resolve("data"))).orElseThrow();

        assertThat(tls.truststore()).isEqualTo(trust);
        assertThat(tls.stackProperties().getProperty("javax.net.ssl.trustStorePassword")).isEqualTo("trust-secret");
        assertThat(tls.stackProperties().getProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE")).isEqualTo("Want");
        assertThat(tls.toString()).contains("truststore " + trust + " (PKCS12)").doesNotContain("trust-secret");
    }

    @Test
    void aWrongKeystorePasswordIsReportedWithFileLineAndKey() throws Exception {
        Path jks = copyAs("JKS", directory.resolve("router.jks"), "right");
        Path p12 = copyAs("PKCS12", directory.resolve("router.p12"), "right");

        for (Path keystore : List.of(jks, p12)) {
            assertThatThrownBy(() -> resolve(directory, TLS_LISTENER + "tls.keystore = " + keystore
                    + "\ntls.keystore-password = wrong\n", Optional.empty()))
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessage(directory.resolve("interchange.properties") + ", line 3: tls.keystore = \"" + keystore
                            + "\": cannot open " + keystore + ": the password is wrong");
        }
    }

    @Test
    void keystoresThatCannotServeAreRefused() throws Exception {
        Path trustOnly = directory.resolve("trust-only.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("peer", certificate());
        try (OutputStream out = Files.newOutputStream(trustOnly)) {
            store.store(out, "secret".toCharArray());
        }
        Files.writeString(directory.resolve("text.p12"), "not a keystore");

        assertThatThrownBy(() -> resolve(directory, TLS_LISTENER + "tls.keystore = trust-only.p12\n"
                + "tls.keystore-password = secret\n", Optional.empty()))
                .hasMessageEndingWith("trust-only.p12 holds no private key: a TLS listener needs a key and its "
                        + "certificate chain");
        assertThatThrownBy(() -> resolve(directory, TLS_LISTENER + "tls.keystore = text.p12\n"
                + "tls.keystore-password = secret\n", Optional.empty()))
                .hasMessageEndingWith("text.p12 is not a PKCS12 or JKS keystore");
        assertThatThrownBy(() -> resolve(directory, TLS_LISTENER + "tls.keystore = missing.p12\n"
                + "tls.keystore-password = secret\n", Optional.empty()))
                .hasMessageEndingWith("missing.p12 does not exist");
        assertThatThrownBy(() -> resolve(directory, TLS_LISTENER + "tls.keystore = text.p12\n", Optional.empty()))
                .hasMessage(directory.resolve("interchange.properties") + ": tls.keystore-password: is required with "
                        + "tls.keystore");
        assertThatThrownBy(() -> resolve(directory, TLS_LISTENER + "tls.keystore-password = secret\n",
                Optional.empty()))
                .hasMessageContaining("line 3: tls.keystore-password = \"secret\": is set, but tls.keystore is not");
    }

    @Test
    void badClientAuthProtocolsAndCipherSuitesAreRefusedEvenWithoutTlsListener() {
        String udp = "listener.udp = udp:127.0.0.1:5060\n";

        assertThatThrownBy(() -> resolve(directory, udp + "tls.verify-client = sometimes\n", Optional.empty()))
                .hasMessageEndingWith("line 2: tls.verify-client = \"sometimes\": expected off, want or need");
        assertThatThrownBy(() -> resolve(directory, udp + "tls.verify-server = maybe\n", Optional.empty()))
                .hasMessageEndingWith("line 2: tls.verify-server = \"maybe\": expected true or false");
        assertThatThrownBy(() -> resolve(directory, udp + "tls.protocols = TLSv1.3, SSLv2\n", Optional.empty()))
                .hasMessageEndingWith("tls.protocols = \"TLSv1.3, SSLv2\": the JDK does not support the protocol "
                        + "'SSLv2'");
        assertThatThrownBy(() -> resolve(directory, udp + "tls.cipher-suites = TLS_FAST\n", Optional.empty()))
                .hasMessageEndingWith("the JDK does not support the cipher suite 'TLS_FAST'");
        assertThatThrownBy(() -> resolve(directory, udp + "tls.protocols = ,\n", Optional.empty()))
                .hasMessageEndingWith("tls.protocols = \",\": names no protocol");
    }

    @Test
    void theFormerClientAuthKeyStopsTheStartSayingWhatItBecame() {
        String udp = "listener.udp = udp:127.0.0.1:5060\n";

        assertThatThrownBy(() -> resolve(directory, udp + "tls.client-auth = disabled\n", Optional.empty()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageEndingWith("line 2: tls.client-auth = \"disabled\": was renamed tls.verify-client (off, "
                        + "want or need; disabled became off): write tls.verify-client = off instead");
        assertThatThrownBy(() -> resolve(directory, udp + "tls.client-auth = need\n", Optional.empty()))
                .hasMessageEndingWith("write tls.verify-client = need instead");
    }

    @Test
    void serversAreVerifiedUnlessTurnedOff() throws Exception {
        assertThat(generated.verifiesServer()).isTrue();
        assertThat(generated.stackProperties().getProperty("gov.nist.javax.sip.NETWORK_LAYER"))
                .isEqualTo(VerifyingNetworkLayer.class.getName());
        assertThat(generated.stackProperties().getProperty("org.interchange.tls.VERIFY_SERVER")).isEqualTo("true");

        TlsSettings off = resolve(directory, TLS_LISTENER + "tls.verify-server = off\n",
                Optional.of(shared.resolve("data"))).orElseThrow();

        assertThat(off.stackProperties().getProperty("org.interchange.tls.VERIFY_SERVER")).isEqualTo("false");
    }

    /**
     * What JAIN-SIP makes of the stack properties: a TLS listener that serves the generated certificate over TLSv1.3
     * to a peer that trusts it, without asking for the peer's.
     */
    @Test
    void jainSipServesTheKeystoreOverTls13() throws Exception {
        withTlsListener(generated.stackProperties(), port -> {
            try (SSLSocket socket = trustingClient().connect(port)) {
                socket.startHandshake();
                assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
                Certificate[] served = socket.getSession().getPeerCertificates();
                assertThat(((X509Certificate) served[0]).getSubjectX500Principal().getName())
                        .isEqualTo("CN=sip.example.com");
                assertThat(socket.getSession().getLocalCertificates()).as("no client certificate asked").isNull();
            }
        });
    }

    /** With {@code tls.verify-client = need}, a peer without a certificate is refused. */
    @Test
    void jainSipRefusesAPeerWithoutCertificateWhenOneIsNeeded() throws Exception {
        Properties properties = generated.stackProperties();
        properties.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", ClientAuth.NEED.stackValue());
        withTlsListener(properties, port -> {
            try (SSLSocket socket = trustingClient().connect(port)) {
                socket.setSoTimeout(10_000);
                assertThatThrownBy(() -> {
                    socket.startHandshake();
                    socket.getOutputStream().write("\r\n\r\n".getBytes());
                    socket.getOutputStream().flush();
                    if (socket.getInputStream().read() < 0) {
                        throw new SSLException("closed");
                    }
                }).isInstanceOf(IOException.class).isNotInstanceOf(SocketTimeoutException.class);
            }
        });
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private interface PortTest {
        void run(int port) throws Exception;
    }

    private interface Client {
        SSLSocket connect(int port) throws IOException;
    }

    private static Client trustingClient() throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(SelfSignedKeystoreTest.load(generated.keystore(), password(shared)));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return port -> (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
    }

    /** A JAIN-SIP stack with these properties and one TLS listening point on 127.0.0.1, for the test's duration. */
    private static void withTlsListener(Properties properties, PortTest test) throws Exception {
        // as MSS does: its own properties go into the same object, whose defaults hold the passwords
        properties.setProperty("javax.sip.STACK_NAME", "tls-settings-test");
        gov.nist.javax.sip.SipStackImpl stack = new gov.nist.javax.sip.SipStackImpl(properties);
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        ListeningPoint point = stack.createListeningPoint("127.0.0.1", port, ListeningPoint.TLS);
        try {
            test.run(port);
        } finally {
            stack.deleteListeningPoint(point);
            stack.stop();
        }
    }

    private static Certificate certificate() throws Exception {
        return SelfSignedKeystoreTest.load(generated.keystore(), password(shared)).getCertificate(SelfSignedKeystore.ALIAS);
    }

    /** The generated keystore, stored again as {@code type} with another password. */
    private static Path copyAs(String type, Path target, String password) throws Exception {
        KeyStore source = SelfSignedKeystoreTest.load(generated.keystore(), password(shared));
        KeyStore copy = KeyStore.getInstance(type);
        copy.load(null, null);
        copy.setKeyEntry("router", source.getKey(SelfSignedKeystore.ALIAS, password(shared).toCharArray()),
                password.toCharArray(), source.getCertificateChain(SelfSignedKeystore.ALIAS));
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
            copy.store(out, password.toCharArray());
        }
        return target;
    }

    private static String password(Path root) {
        try {
            return Files.readString(root.resolve("data/tls/interchange.p12.password")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<TlsSettings> resolve(Path configDirectory, String properties, Optional<Path> data) {
        RouterConfiguration config = config(configDirectory, properties);
        return TlsSettings.resolve(config, SipListener.allFrom(config), data);
    }

    private static RouterConfiguration config(Path configDirectory, String properties) {
        try {
            Files.createDirectories(configDirectory);
            return RouterConfiguration.load(Files.writeString(configDirectory.resolve("interchange.properties"),
                    properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

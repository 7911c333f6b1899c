package org.interchange.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.sip.IpFamily;
import org.interchange.it.support.sip.Received;
import org.interchange.it.support.sip.SentRequest;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.Transport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS in both directions checks who is at the other end. A TLS server the router calls must hold a certificate
 * that its truststore trusts and that names the host called (RFC 5922: here the Request-URI's host, an IP address
 * to be named by an iPAddress subjectAltName, or a name); otherwise nothing is sent to it and the caller gets 503.
 * A client of the TLS listener of the router {@code connection-limits} ({@code tls.verify-client = need}) must
 * present a certificate the truststore trusts. OpenSIPS's tls_mgm has {@code verify_cert} and
 * {@code require_cert}; Kamailio's tls, {@code verify_certificate} and {@code require_certificate}.
 *
 * <p>The trusted certificate is the router's own generated one (its truststore by default), which names
 * 127.0.0.1, its TLS listener's address: the TLS servers and clients of these tests serve it; an untrusted one is
 * made here by keytool.
 */
@ExtendWith(ArquillianExtension.class)
class TlsPeerVerificationIT {

    @Deployment(testable = false)
    @TargetsContainer("connection-limits")
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    @TempDir
    Path directory;

    @Test
    void aTlsServerWhoseCertificateNamesTheAddressCalledGetsTheCall() throws Exception {
        try (TlsServer callee = new TlsServer(router.tls(), "127.0.0.1");
             SipAgent caller = router.agent(Transport.UDP)) {
            caller.send(caller.invite(registeredContact(callee.address(), "127.0.0.1")));

            Optional<String> invite = callee.awaitRequest(SipAgent.WAIT);

            assertThat(invite).as("the INVITE reaches the TLS server").isPresent();
            assertThat(invite.get()).startsWith("INVITE sip:");
        }
    }

    @Test
    void aTlsServerWhoseCertificateNamesAnotherAddressGetsNothingAndTheCallerGets503() throws Exception {
        try (TlsServer callee = new TlsServer(router.tls(), "127.0.0.2");
             SipAgent caller = router.agent(Transport.UDP)) {
            SentRequest invite = caller.send(caller.invite(registeredContact(callee.address(), "127.0.0.2")));

            Received answer = invite.awaitFinalResponse();

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.reason()).contains("TLS");
            assertThat(callee.endedWithoutRequest(SipAgent.WAIT))
                    .as("the router connected and ended the connection before sending anything").isTrue();
        }
    }

    @Test
    void aTlsServerCalledByAHostNameItsCertificateDoesNotNameGetsNothingAndTheCallerGets503() throws Exception {
        try (TlsServer callee = new TlsServer(router.tls(), "127.0.0.1");
             SipAgent caller = router.agent(Transport.UDP)) {
            SentRequest invite = caller.send(caller.invite(registeredContact(callee.address(), "localhost")));

            Received answer = invite.awaitFinalResponse();

            assertThat(answer.status()).isEqualTo(503);
            assertThat(callee.awaitRequest(Duration.ofSeconds(1))).as("nothing reaches the server").isEmpty();
        }
    }

    @Test
    void aClientWithACertificateTheTruststoreTrustsIsServed() {
        try (SipAgent probe = router.agent(Transport.TLS)) {
            Received ok = probe.send(probe.request("OPTIONS", router.uri(Transport.TLS, IpFamily.IPV4)))
                    .awaitFinalResponse();

            assertThat(ok.status()).isEqualTo(200);
        }
    }

    @Test
    void aClientWithoutCertificateIsRefused() throws Exception {
        assertRefused(context(Optional.empty()));
    }

    @Test
    void aClientWithAnUntrustedCertificateIsRefused() throws Exception {
        assertRefused(context(Optional.of(untrustedKeystore())));
    }

    /** A callee registered (over UDP) with a TLS contact on {@code server}, named by {@code host}; its AoR. */
    private String registeredContact(InetSocketAddress server, String host) {
        try (SipAgent callee = router.agent(Transport.UDP, router.newSubscriber("tls-callee"))) {
            String contact = "sip:" + callee.subscriber().user() + "@" + host + ":" + server.getPort()
                    + ";transport=tls";
            Received registered = callee.sendAuthenticated(callee.registerRequest()
                    .replacing("Contact", "<" + contact + ">")).awaitFinalResponse();
            assertThat(registered.status()).as("the callee registers " + contact).isEqualTo(200);
            return callee.subscriber().uri();
        }
    }

    /** The router closes the connection during the handshake or at the first read after it (TLSv1.3). */
    private void assertRefused(SSLContext context) throws IOException {
        InetSocketAddress listener = router.sipAddress(Transport.TLS);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(listener.getAddress(),
                listener.getPort())) {
            socket.setSoTimeout((int) SipAgent.WAIT.toMillis());
            assertThatThrownBy(() -> {
                socket.startHandshake();
                socket.getOutputStream().write("\r\n\r\n".getBytes());
                socket.getOutputStream().flush();
                if (socket.getInputStream().read() < 0) {
                    throw new IOException("closed by the router");
                }
            }).isInstanceOf(IOException.class).isNotInstanceOf(java.net.SocketTimeoutException.class);
        }
    }

    /**
     * A client context that holds {@code keystore}'s key, if any, and accepts any server: these tests check how the
     * router verifies its client, not the reverse.
     */
    private static SSLContext context(Optional<KeyStore> keystore) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        if (keystore.isPresent()) {
            keys.init(keystore.get(), "secret".toCharArray());
        }
        X509TrustManager anyServer = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keystore.isPresent() ? keys.getKeyManagers() : null, new TrustManager[] {anyServer}, null);
        return context;
    }

    /** A key and self-signed certificate the router has never seen, by the JDK's keytool. */
    private KeyStore untrustedKeystore() throws Exception {
        Path file = directory.resolve("intruder.p12");
        Process keytool = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-noprompt",
                "-alias", "intruder", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=intruder",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", "secret"))
                .redirectErrorStream(true).redirectOutput(directory.resolve("keytool.log").toFile()).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(keytool.exitValue()).as("keytool's exit status").isZero();
        return KeyStore.getInstance(file.toFile(), "secret".toCharArray());
    }
}

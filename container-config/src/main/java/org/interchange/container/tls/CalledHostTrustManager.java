package org.interchange.container.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trusts what the truststore trusts and, when the router connects to a TLS server to send a request, only a
 * certificate that names the host the request calls ({@link CalledHost}, {@link ServerIdentity}): RFC 5922 7.2,
 * which JAIN-SIP does not check. A failure fails the handshake, so that nothing is sent on the connection and the
 * send fails. Connections opened to send a response (to a Via's sent-by) call no host: trust alone decides.
 */
final class CalledHostTrustManager extends X509ExtendedTrustManager {

    private static final Logger log = LoggerFactory.getLogger(CalledHostTrustManager.class);

    private final X509ExtendedTrustManager truststore;

    CalledHostTrustManager(X509ExtendedTrustManager truststore) {
        this.truststore = truststore;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        truststore.checkServerTrusted(chain, authType, socket);
        checkCalledHost(chain, socket == null ? "?" : String.valueOf(socket.getRemoteSocketAddress()));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        truststore.checkServerTrusted(chain, authType, engine);
        checkCalledHost(chain, engine == null ? "?" : engine.getPeerHost() + ":" + engine.getPeerPort());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        truststore.checkServerTrusted(chain, authType);
        checkCalledHost(chain, "?");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        truststore.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        truststore.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        truststore.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return truststore.getAcceptedIssuers();
    }

    private static void checkCalledHost(X509Certificate[] chain, String server) throws CertificateException {
        Optional<String> host = CalledHost.current();
        if (host.isEmpty()) {
            return;
        }
        ServerIdentity identity = ServerIdentity.of(chain[0]);
        if (!identity.names(host.get())) {
            log.warn("TLS: refused the server {} called as {}: its certificate (subject {}) names {}, not {} "
                    + "(RFC 5922; tls.verify-server = off skips this check)", server, host.get(),
                    chain[0].getSubjectX500Principal().getName(), identity, host.get());
            throw new CertificateException("the certificate of " + server + " does not name " + host.get());
        }
    }
}

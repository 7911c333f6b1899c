package org.interchange.it.support.sip;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * TLS: {@link TcpChannel} over TLS sockets of a context that holds the agent's key and the certificates it trusts
 * (in these tests the router's own keystore: the agent serves the router's certificate and trusts it). The
 * connections it opens check that the certificate the router serves names the address connected to (an IP address
 * subject alternative name), as a phone checks its server's; the router's connections to its listening socket are
 * not asked for a certificate.
 */
final class TlsChannel extends TcpChannel {

    TlsChannel(InetSocketAddress local, Consumer<RawMessage> inbound, SSLContext context) throws IOException {
        super(local, inbound, context.getServerSocketFactory(), context.getSocketFactory(), "tls");
    }

    @Override
    void connected(Socket connection, InetSocketAddress destination) throws IOException {
        SSLSocket tls = (SSLSocket) connection;
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // RFC 2818 rules: the IP address must be named
        tls.setSSLParameters(parameters);
        try {
            tls.startHandshake();
        } catch (IOException e) {
            throw new IOException("TLS handshake with " + destination + " failed: " + e.getMessage(), e);
        }
    }
}

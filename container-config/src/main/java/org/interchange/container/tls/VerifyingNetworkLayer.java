package org.interchange.container.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Properties;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import gov.nist.core.net.DefaultNetworkLayer;
import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import org.interchange.container.config.IpAddresses;

/**
 * The sockets of the SIP stack ({@code gov.nist.javax.sip.NETWORK_LAYER}), in place of JAIN-SIP's
 * {@code SslNetworkLayer}: the same keystore and truststore (the stack properties {@link TlsSettings} sets), but a
 * TLS connection the router opens to send a request checks that the server's certificate names the host called
 * ({@link CalledHostTrustManager}) when {@value #VERIFY_SERVER} is {@code true}, and asks for that host by SNI.
 * TCP and UDP sockets are JAIN-SIP's own.
 *
 * <p>Like JAIN-SIP's, a TLS connection must be established within {@link #CONNECT_TIMEOUT_MS} (its handshake then
 * within {@code gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT}); JAIN-SIP gives TCP connections the same bound.
 */
public final class VerifyingNetworkLayer implements NetworkLayer {

    static final String VERIFY_SERVER = "org.interchange.tls.VERIFY_SERVER";
    static final int CONNECT_TIMEOUT_MS = 8000;

    private final NetworkLayer plain = DefaultNetworkLayer.SINGLETON;
    private SSLSocketFactory clientSockets;
    private SSLServerSocketFactory serverSockets;

    @Override
    public void setSipStack(SipStackImpl stack) {
        Properties properties = stack.getConfigurationProperties();
        try {
            KeyStore keystore = load(properties, "javax.net.ssl.keyStore", "javax.net.ssl.keyStorePassword",
                    "javax.net.ssl.keyStoreType");
            String keyPassword = properties.getProperty("javax.net.ssl.keyStorePassword", "");
            KeyStore truststore = load(properties, "javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword",
                    "javax.net.ssl.trustStoreType");
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keystore, keyPassword.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(truststore);
            X509ExtendedTrustManager trusted = (X509ExtendedTrustManager) trust.getTrustManagers()[0];
            boolean verifyServer = Boolean.parseBoolean(properties.getProperty(VERIFY_SERVER, "true"));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(),
                    new TrustManager[] {verifyServer ? new CalledHostTrustManager(trusted) : trusted}, null);
            clientSockets = context.getSocketFactory();
            serverSockets = context.getServerSocketFactory();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("TLS: cannot open the keystore or truststore of the SIP stack: "
                    + e.getMessage(), e);
        }
    }

    private static KeyStore load(Properties properties, String pathProperty, String passwordProperty,
                                 String typeProperty) throws IOException, GeneralSecurityException {
        String path = properties.getProperty(pathProperty);
        if (path == null) {
            throw new IllegalStateException(pathProperty + " is not among the stack properties");
        }
        KeyStore store = KeyStore.getInstance(properties.getProperty(typeProperty, KeyStore.getDefaultType()));
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            store.load(in, properties.getProperty(passwordProperty, "").toCharArray());
        }
        return store;
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return (SSLServerSocket) serverSockets.createServerSocket(port, backlog, bindAddress);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        return createSSLSocket(address, port, null);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        SSLSocket socket = (SSLSocket) clientSockets.createSocket();
        CalledHost.current().filter(host -> IpAddresses.parseLiteral(host).isEmpty()).ifPresent(host -> {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(host)));
            socket.setSSLParameters(parameters);
        });
        try {
            if (myAddress != null) {
                socket.bind(new InetSocketAddress(myAddress, 0));
            }
            socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MS);
        } catch (SocketTimeoutException e) {
            socket.close();
            throw new ConnectException("no TLS connection to " + address.getHostAddress() + ":" + port + " within "
                    + CONNECT_TIMEOUT_MS + " ms");
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return plain.createServerSocket(port, backlog, bindAddress);
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return plain.createSocket(address, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        return plain.createSocket(address, port, myAddress);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress, int myPort) throws IOException {
        return plain.createSocket(address, port, myAddress, myPort);
    }

    @Override
    public DatagramSocket createDatagramSocket() throws SocketException {
        return plain.createDatagramSocket();
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress laddr) throws SocketException {
        return plain.createDatagramSocket(port, laddr);
    }
}

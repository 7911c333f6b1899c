package org.interchange.it.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS server the router calls: it accepts one connection, serves the certificate of its context and keeps what
 * arrives until an empty line (a request's headers). It tells whether the handshake failed and what was sent, and
 * nothing else: a server for checking what reaches it, not a user agent.
 */
final class TlsServer implements AutoCloseable {

    private final SSLServerSocket server;
    private final CompletableFuture<String> headers = new CompletableFuture<>();
    private final Thread acceptor;

    TlsServer(SSLContext context, String address) throws IOException {
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 5,
                InetAddress.getByName(address));
        acceptor = new Thread(this::serveOne, "tls-server-" + server.getLocalSocketAddress());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /**
     * The headers of the request that arrived within {@code atMost}; empty if the connection ended first (its
     * handshake failed, or the peer closed it) or nothing came.
     */
    Optional<String> awaitRequest(Duration atMost) throws InterruptedException {
        try {
            return Optional.ofNullable(headers.get(atMost.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException nothing) {
            return Optional.empty();
        }
    }

    /**
     * Whether a connection came within {@code atMost} and ended before a request arrived on it. How it ends when the
     * client refuses the server's certificate depends on timing under TLS 1.3, whose server finishes its side of the
     * handshake before the client checks the certificate: the server may see the client's alert (an
     * {@link SSLException}) or just the end of the connection.
     */
    boolean endedWithoutRequest(Duration atMost) throws InterruptedException {
        try {
            return headers.get(atMost.toMillis(), TimeUnit.MILLISECONDS) == null;
        } catch (ExecutionException failed) {
            return failed.getCause() instanceof IOException;
        } catch (TimeoutException nothing) {
            return false;
        }
    }

    private void serveOne() {
        try (SSLSocket connection = (SSLSocket) server.accept()) {
            connection.setSoTimeout(30_000);
            connection.startHandshake();
            InputStream in = connection.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                received.write(b);
                if (received.toString(StandardCharsets.UTF_8).endsWith("\r\n\r\n")) {
                    headers.complete(received.toString(StandardCharsets.UTF_8));
                    return;
                }
            }
            headers.complete(null);
        } catch (IOException e) {
            headers.completeExceptionally(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

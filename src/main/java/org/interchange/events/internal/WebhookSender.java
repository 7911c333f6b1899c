package org.interchange.events.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.interchange.events.EventSettings.Destination;
import org.interchange.events.RouterEvent;

/**
 * POSTs each event as JSON to a webhook (Java's own HTTP client: HTTP/1.1 and 2, TLS, connection reuse), with the
 * destination's header and, when it has a secret, the body's HMAC-SHA256 in {@code X-Interchange-Signature}, so that
 * the receiver can tell the router's events from forged ones. Any answer but 2xx is a failure; redirects are not
 * followed.
 */
final class WebhookSender implements Sender {

    static final String SIGNATURE_HEADER = "X-Interchange-Signature";
    static final String EVENT_HEADER = "X-Interchange-Event";

    private final Destination destination;
    private final Duration timeout;
    private final HttpClient client;
    private volatile boolean reached;

    WebhookSender(Destination destination, Duration timeout) {
        this.destination = destination;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void send(RouterEvent event, byte[] json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(destination.url()).timeout(timeout)
                .header("Content-Type", "application/json")
                .header(EVENT_HEADER, event.name())
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        destination.header().ifPresent(header -> request.header(header.name(), header.value()));
        signature(json).ifPresent(signature -> request.header(SIGNATURE_HEADER, signature));
        int status;
        try {
            status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            reached = false;
            throw e;
        }
        reached = status / 100 == 2;
        if (!reached) {
            throw new IOException("answered HTTP " + status);
        }
    }

    /** {@code sha256=<hex>} of the body keyed with the secret. */
    Optional<String> signature(byte[] json) {
        return destination.secret().map(secret -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return "sha256=" + HexFormat.of().formatHex(mac.doFinal(json));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
            }
        });
    }

    @Override
    public boolean connected() {
        return reached;
    }

    @Override
    public void close() {
        // java.net.http's client holds nothing that must be released before Java 21
    }
}

package org.interchange.events;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.interchange.container.config.RouterConfiguration;

/**
 * Event settings: where events go and how long the router keeps trying.
 *
 * @param node         {@code events.node}: the router's name in every event (default: the machine's host name)
 * @param queueSize    {@code events.queue-size}: events held per destination while it cannot take them (default
 *                     10000, 1..1000000); when full, the oldest is dropped for the new one
 * @param maxAge       {@code events.max-age}: seconds after which an undelivered event is dropped (default 300,
 *                     1..86400), so that a destination that comes back is not flooded with stale events
 * @param retryInitial {@code events.retry-initial}: milliseconds before the first retry of a failed delivery (default
 *                     500, 10..60000); each further failure doubles it
 * @param retryMax     {@code events.retry-max}: the longest wait between retries, milliseconds (default 30000,
 *                     100..3600000)
 * @param timeout      {@code events.timeout}: seconds a delivery may take: connecting, a webhook's answer, a
 *                     broker's confirm (default 5, 1..60)
 * @param destinations {@code events.destination.<name>.*}, in file order
 */
public record EventSettings(String node, int queueSize, Duration maxAge, Duration retryInitial, Duration retryMax,
                            Duration timeout, List<Destination> destinations) {

    public static final String DESTINATION_PREFIX = "events.destination";
    /** The exchange AMQP destinations publish to when they name none. */
    public static final String DEFAULT_EXCHANGE = "interchange.events";

    public EventSettings {
        destinations = List.copyOf(destinations);
    }

    /** How a destination is reached, by its URL's scheme. */
    public enum Transport { WEBHOOK, AMQP }

    /**
     * One destination.
     *
     * @param name     its name in the file ({@code events.destination.<name>.url})
     * @param url      {@code http(s)://...}: a webhook, POSTed each event;
     *                 {@code amqp(s)://user:password@host:port/vhost}: a RabbitMQ broker
     * @param events   the event names it gets; empty for all ({@code .events}, default all)
     * @param header   {@code .header = Name: value}, sent with every webhook request (an Authorization, say)
     * @param secret   {@code .secret}: the webhook's body is signed with it, HMAC-SHA256, in
     *                 {@code X-Interchange-Signature: sha256=<hex>}
     * @param exchange {@code .exchange}: the AMQP topic exchange published to, declared durable when missing (default
     *                 {@value #DEFAULT_EXCHANGE}); the routing key is the event's name
     */
    public record Destination(String name, URI url, Set<String> events, Optional<Header> header,
                              Optional<String> secret, String exchange) {

        public Destination {
            events = Set.copyOf(events);
        }

        public Transport transport() {
            return url.getScheme().toLowerCase(Locale.ROOT).startsWith("amqp") ? Transport.AMQP : Transport.WEBHOOK;
        }

        /** Whether it gets events of this name. */
        public boolean wants(String eventName) {
            return events.isEmpty() || events.contains(eventName);
        }

        /** The URL without its user information (an AMQP password), for logs and the admin API. */
        public String shownUrl() {
            return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                    + Optional.ofNullable(url.getRawPath()).orElse("");
        }
    }

    /** An HTTP header field sent to a webhook. */
    public record Header(String name, String value) {

        static Header parse(String text) {
            int colon = text.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("expected Name: value");
            }
            Header header = new Header(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
            // the HTTP client's own check: a valid field, and none it sets itself (Host, Content-Length, ...)
            HttpRequest.newBuilder().header(header.name(), header.value());
            return header;
        }
    }

    public static EventSettings from(RouterConfiguration config) {
        return new EventSettings(config.string("events.node", hostName()),
                config.integer("events.queue-size", 10_000, 1, 1_000_000),
                Duration.ofSeconds(config.integer("events.max-age", 300, 1, 86_400)),
                Duration.ofMillis(config.integer("events.retry-initial", 500, 10, 60_000)),
                Duration.ofMillis(config.integer("events.retry-max", 30_000, 100, 3_600_000)),
                Duration.ofSeconds(config.integer("events.timeout", 5, 1, 60)),
                destinations(config));
    }

    private static List<Destination> destinations(RouterConfiguration config) {
        List<Destination> destinations = new ArrayList<>();
        for (String name : config.namesUnder(DESTINATION_PREFIX)) {
            String key = DESTINATION_PREFIX + "." + name;
            URI url = config.parsed(key + ".url", null, EventSettings::url);
            if (url == null) {
                throw config.invalid(key + ".url", "not set: every destination needs its URL, http(s)://... (a "
                        + "webhook) or amqp(s)://... (RabbitMQ)");
            }
            Set<String> events = new TreeSet<>(config.list(key + ".events", List.of(), EventSettings::eventName));
            Optional<Header> header = Optional.ofNullable(config.parsed(key + ".header", null, Header::parse));
            Optional<String> secret = config.optional(key + ".secret");
            Optional<String> exchange = config.optional(key + ".exchange");
            Destination destination = new Destination(name, url, events, header, secret,
                    exchange.orElse(DEFAULT_EXCHANGE));
            if (destination.transport() == Transport.AMQP && header.isPresent()) {
                throw config.invalid(key + ".header", "only for webhooks; " + name + " is an AMQP destination");
            }
            if (destination.transport() == Transport.AMQP && secret.isPresent()) {
                throw config.invalid(key + ".secret", "only for webhooks; " + name + " is an AMQP destination");
            }
            if (destination.transport() == Transport.WEBHOOK && exchange.isPresent()) {
                throw config.invalid(key + ".exchange", "only for AMQP destinations; " + name + " is a webhook");
            }
            destinations.add(destination);
        }
        return destinations;
    }

    private static URI url(String text) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getMessage());
        }
        String scheme = Optional.ofNullable(url.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (!Set.of("http", "https", "amqp", "amqps").contains(scheme) || url.getHost() == null) {
            throw new IllegalArgumentException(
                    "expected http(s)://host[:port]/path or amqp(s)://user:password@host[:port]/vhost");
        }
        return url;
    }

    private static String eventName(String name) {
        if (!EventNames.ALL.contains(name)) {
            throw new IllegalArgumentException(name + " is no event; expected some of "
                    + new TreeSet<>(EventNames.ALL));
        }
        return name;
    }

    /** The kernel's host name where there is one to read, without asking DNS (which may hang the start). */
    private static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException | RuntimeException e) {
            return "interchange";
        }
    }
}

package org.interchange.events.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Date;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLContext;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.interchange.events.EventSettings.Destination;
import org.interchange.events.RouterEvent;

/**
 * Publishes each event to a RabbitMQ topic exchange (RabbitMQ's own Java client), routing key the event's name, as a
 * persistent JSON message, and waits for the broker's publisher confirm: an event counts as delivered only once the
 * broker has it. The connection is opened at the first event and kept; after any failure it is dropped and opened
 * again at the next attempt, which the outbox paces with its backoff. The client's own automatic recovery is off, so
 * that reconnection follows the router's backoff and age limit rather than a schedule of its own. amqps checks the
 * broker's certificate against the JVM's trust store and its host name.
 */
final class AmqpSender implements Sender {

    private final Destination destination;
    private final int timeoutMillis;
    private final ConnectionFactory factory = new ConnectionFactory();
    private volatile Connection connection;
    private Channel channel;

    AmqpSender(Destination destination, Duration timeout) {
        this.destination = destination;
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
        try {
            factory.setUri(destination.url());
            if (destination.url().getScheme().toLowerCase(Locale.ROOT).equals("amqps")) {
                // setUri trusts every certificate for amqps: check it as any TLS client should
                factory.useSslProtocol(SSLContext.getDefault());
                factory.enableHostnameVerification();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("events.destination." + destination.name() + ".url: " + e.getMessage(),
                    e);
        }
        factory.setConnectionTimeout(timeoutMillis);
        factory.setHandshakeTimeout(timeoutMillis);
        factory.setShutdownTimeout(timeoutMillis);
        factory.setChannelRpcTimeout(timeoutMillis);
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
    }

    @Override
    public void send(RouterEvent event, byte[] json) throws IOException, InterruptedException {
        try {
            Channel open = channel();
            open.basicPublish(destination.exchange(), event.name(), false, properties(event), json);
            open.waitForConfirmsOrDie(timeoutMillis);
        } catch (IOException | TimeoutException | RuntimeException e) {
            close();
            throw e instanceof IOException io ? io : new IOException(e.toString(), e);
        }
    }

    private Channel channel() throws IOException, TimeoutException {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        close();
        Connection opened = factory.newConnection("interchange-events-" + destination.name());
        connection = opened;
        channel = opened.createChannel();
        channel.confirmSelect();
        channel.exchangeDeclare(destination.exchange(), BuiltinExchangeType.TOPIC, true);
        return channel;
    }

    private static AMQP.BasicProperties properties(RouterEvent event) {
        return new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .deliveryMode(2)
                .type(event.name())
                .timestamp(Date.from(event.time()))
                .appId("interchange")
                .build();
    }

    @Override
    public boolean connected() {
        Connection current = connection;
        return current != null && current.isOpen();
    }

    @Override
    public void close() {
        Connection current = connection;
        connection = null;
        channel = null;
        if (current != null) {
            current.abort(timeoutMillis);
        }
    }
}

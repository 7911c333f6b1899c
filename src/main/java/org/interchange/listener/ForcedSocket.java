package org.interchange.listener;

import java.io.Serializable;
import java.util.Optional;
import java.util.OptionalInt;

import org.interchange.container.config.IpAddresses;
import org.interchange.container.config.SipListener;
import org.interchange.container.config.Transport;
import org.interchange.core.sip.Endpoint;

/**
 * A listener named by routing logic, OpenSIPS's {@code $fs}: a listener by name ({@code private}), by socket
 * ({@code udp:10.0.0.4:5060}), or the address the request arrived on with a transport and optionally a port
 * ({@code udp:received:5060}, OpenSIPS's {@code $fs = "udp:" + $Ri + ":5060"}).
 */
public sealed interface ForcedSocket extends Serializable {

    /** The word that stands for the address a request arrived on. */
    String RECEIVED = "received";

    /** The listener it names for a request that arrived on {@code arrival}; empty when there is none. */
    Optional<SipListener> resolve(Endpoint arrival, Listeners listeners);

    /** A listener fixed in the configuration. */
    record Named(String name) implements ForcedSocket {
        @Override
        public Optional<SipListener> resolve(Endpoint arrival, Listeners listeners) {
            return listeners.named(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The arrival address with another transport, and a port (or the first listener there of that transport). */
    record OnReceivedAddress(Transport transport, OptionalInt port) implements ForcedSocket {
        @Override
        public Optional<SipListener> resolve(Endpoint arrival, Listeners listeners) {
            if (port.isPresent()) {
                return listeners.at(new Endpoint(transport, arrival.address(), port.getAsInt()));
            }
            return IpAddresses.parseLiteral(arrival.address()).flatMap(address -> listeners.on(address, transport));
        }

        @Override
        public String toString() {
            return transport.token() + ":" + RECEIVED + (port.isPresent() ? ":" + port.getAsInt() : "");
        }

        /** {@link OptionalInt} is not serializable: this is written as the transport and the port, 0 for none. */
        private Object writeReplace() {
            return new SerialForm(transport, port.orElse(0));
        }

        private record SerialForm(Transport transport, int port) implements Serializable {
            private Object readResolve() {
                return new OnReceivedAddress(transport, port == 0 ? OptionalInt.empty() : OptionalInt.of(port));
            }
        }
    }

    /**
     * Parses a listener name, {@code proto:address:port} or {@code proto:received[:port]}. A name or socket must be
     * one of {@code listeners}.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static ForcedSocket parse(String text, Listeners listeners) {
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
            if (listeners.named(trimmed).isEmpty()) {
                throw new IllegalArgumentException("no listener is named '" + trimmed + "'");
            }
            return new Named(trimmed);
        }
        Transport transport = Transport.parse(trimmed.substring(0, colon));
        String rest = trimmed.substring(colon + 1);
        if (rest.equals(RECEIVED) || rest.startsWith(RECEIVED + ":")) {
            String port = rest.substring(RECEIVED.length());
            try {
                return new OnReceivedAddress(transport,
                        port.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(port.substring(1))));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + trimmed + "': the port is not a number");
            }
        }
        Endpoint socket = Endpoint.parse(trimmed);
        return new Named(listeners.at(socket).orElseThrow(() -> new IllegalArgumentException(
                "no listener binds " + socket + "; a request can only leave through a listener")).name());
    }
}

package org.interchange.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.OptionalInt;

import org.interchange.container.config.SipListener;
import org.interchange.container.config.Transport;
import org.interchange.core.sip.Endpoint;
import org.junit.jupiter.api.Test;

/**
 * The socket a routing rule forces ({@code $fs}): a listener by name, by {@code proto:address:port}, or the arrival
 * address with a transport and optionally a port ({@code tcp:received:5070}); only listeners are accepted.
 */
class ForcedSocketTest {

    private final Listeners listeners = TestListeners.of(
            "public = udp:203.0.113.4:5060",
            "private = udp:10.0.0.4:5060",
            "private-alt = udp:10.0.0.4:5070",
            "private-tcp = tcp:10.0.0.4:5060",
            "loop2 = udp:127.0.0.2:5060",
            "v6 = udp:[2001:db8::4]:5060");

    @Test
    void aNameOfAListenerForcesThatListener() {
        ForcedSocket forced = ForcedSocket.parse(" private ", listeners);

        assertThat(forced).isEqualTo(new ForcedSocket.Named("private")).hasToString("private");
        assertThat(forced.resolve(Endpoint.parse("udp:203.0.113.4:5060"), listeners).map(SipListener::name))
                .contains("private");
    }

    @Test
    void aNameOfNoListenerIsRefused() {
        assertThatThrownBy(() -> ForcedSocket.parse("nowhere", listeners))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no listener is named 'nowhere'");
    }

    @Test
    void aSocketThatIsAListenerForcesThatListenerByName() {
        assertThat(ForcedSocket.parse("udp:127.0.0.2:5060", listeners)).isEqualTo(new ForcedSocket.Named("loop2"));
        assertThat(ForcedSocket.parse("udp:[2001:db8::4]:5060", listeners)).isEqualTo(new ForcedSocket.Named("v6"));
    }

    @Test
    void aSocketThatIsNoListenerIsRefused() {
        assertThatThrownBy(() -> ForcedSocket.parse("udp:127.0.0.3:5060", listeners))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no listener binds udp:127.0.0.3:5060; a request can only leave through a listener");
        assertThatThrownBy(() -> ForcedSocket.parse("tcp:127.0.0.2:5060", listeners))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no listener binds tcp:127.0.0.2:5060");
    }

    @Test
    void receivedStandsForTheArrivalAddressWithTheTransportGiven() {
        ForcedSocket forced = ForcedSocket.parse("tcp:received", listeners);

        assertThat(forced).isEqualTo(new ForcedSocket.OnReceivedAddress(Transport.TCP, OptionalInt.empty()))
                .hasToString("tcp:received");
    }

    @Test
    void receivedMayNameAPort() {
        ForcedSocket forced = ForcedSocket.parse("tcp:received:5070", listeners);

        assertThat(forced).isEqualTo(new ForcedSocket.OnReceivedAddress(Transport.TCP, OptionalInt.of(5070)))
                .hasToString("tcp:received:5070");
    }

    @Test
    void receivedWithAPortThatIsNoNumberIsRefused() {
        assertThatThrownBy(() -> ForcedSocket.parse("tcp:received:sip", listeners))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'tcp:received:sip': the port is not a number");
    }

    @Test
    void aRequestThatArrivedOverTcpLeavesOverUdpFromTheAddressItArrivedOn() {
        ForcedSocket forced = ForcedSocket.parse("udp:received", listeners);

        assertThat(forced.resolve(Endpoint.parse("tcp:10.0.0.4:5060"), listeners).map(SipListener::name))
                .contains("private");
    }

    @Test
    void theReceivedAddressWithAPortIsTheListenerOnThatPort() {
        ForcedSocket forced = ForcedSocket.parse("udp:received:5070", listeners);

        assertThat(forced.resolve(Endpoint.parse("tcp:10.0.0.4:5060"), listeners).map(SipListener::name))
                .contains("private-alt");
    }

    @Test
    void theReceivedAddressNamesNothingWhereNoListenerOfTheTransportIsBound() {
        assertThat(ForcedSocket.parse("tcp:received", listeners)
                .resolve(Endpoint.parse("udp:203.0.113.4:5060"), listeners)).isEmpty();
        assertThat(ForcedSocket.parse("udp:received:5080", listeners)
                .resolve(Endpoint.parse("udp:10.0.0.4:5060"), listeners)).isEmpty();
    }

    @Test
    void everyFormSurvivesSerializationAsTheTypePromises() throws Exception {
        for (ForcedSocket forced : new ForcedSocket[] {ForcedSocket.parse("private", listeners),
                ForcedSocket.parse("tcp:received", listeners), ForcedSocket.parse("tcp:received:5070", listeners)}) {
            assertThat(roundTrip(forced)).isEqualTo(forced);
        }
    }

    private static Object roundTrip(Object object) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}

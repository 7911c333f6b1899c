package org.interchange.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;

import org.interchange.container.config.InvalidConfigurationException;
import org.interchange.container.config.IpAddresses;
import org.interchange.container.config.RouterConfiguration;
import org.interchange.container.config.SipListener;
import org.interchange.container.config.Transport;
import org.interchange.core.TestConfiguration;
import org.interchange.core.sip.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The router's listeners as configured ({@code listener.<name>}, {@code socket.default}) and how they are looked up:
 * by socket, by address and transport, and as the default of a transport and address family.
 */
class ListenersTest {

    private static final String FOUR_LISTENERS = """
            listener.public = udp:203.0.113.4:5060
            listener.private = udp:10.0.0.4:5060
            listener.private-tcp = tcp:10.0.0.4:5060
            listener.v6 = udp:[2001:db8::4]:5060
            """;

    @TempDir
    Path directory;

    @Test
    void theListenersAreThoseOfTheFileInItsOrder() {
        Listeners listeners = Listeners.from(TestConfiguration.load(directory, FOUR_LISTENERS));

        assertThat(listeners.all()).extracting(SipListener::name)
                .containsExactly("public", "private", "private-tcp", "v6");
    }

    @Test
    void withoutSocketDefaultTheFirstListenerOfTheFileIsTheDefault() {
        Listeners listeners = Listeners.from(TestConfiguration.load(directory, FOUR_LISTENERS));

        assertThat(listeners.fallback().name()).isEqualTo("public");
    }

    @Test
    void socketDefaultNamesTheDefaultListener() {
        Listeners listeners = Listeners.from(TestConfiguration.load(directory,
                FOUR_LISTENERS + "socket.default = private\n"));

        assertThat(listeners.fallback().name()).isEqualTo("private");
    }

    @Test
    void aSocketDefaultNamingNoListenerStopsTheStartSayingWhere() {
        RouterConfiguration config = TestConfiguration.load(directory, """
                listener.public = udp:203.0.113.4:5060
                socket.default = nowhere
                """);

        assertThatThrownBy(() -> Listeners.from(config))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(config.file() + ", line 2: socket.default = \"nowhere\": no listener is named nowhere");
    }

    @Test
    void aDefaultThatIsNotOneOfTheListenersIsRefused() {
        SipListener stranger = TestListeners.listener("stranger = udp:192.0.2.4:5060");

        assertThatThrownBy(() -> new Listeners(TestListeners.of("public = udp:203.0.113.4:5060").all(), stranger))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the default listener must be one of the listeners");
    }

    @Test
    void aListenerIsFoundByTheSocketItBinds() {
        Listeners listeners = fourListeners();

        assertThat(listeners.at(Endpoint.parse("tcp:10.0.0.4:5060")).map(SipListener::name)).contains("private-tcp");
        assertThat(listeners.at(Endpoint.parse("udp:10.0.0.4:5060")).map(SipListener::name)).contains("private");
        assertThat(listeners.at(Endpoint.parse("udp:[2001:db8:0:0::4]:5060")).map(SipListener::name)).contains("v6");
    }

    @Test
    void aSocketThatDiffersInTransportAddressOrPortIsNoListener() {
        Listeners listeners = fourListeners();

        assertThat(listeners.at(Endpoint.parse("tls:10.0.0.4:5060"))).isEmpty();
        assertThat(listeners.at(Endpoint.parse("udp:10.0.0.5:5060"))).isEmpty();
        assertThat(listeners.at(Endpoint.parse("udp:10.0.0.4:5070"))).isEmpty();
        assertThat(listeners.at(new Endpoint(Transport.UDP, "sip.example.com", 5060))).isEmpty();
    }

    @Test
    void onAnAddressTheFirstListenerOfTheTransportIsFound() {
        Listeners listeners = TestListeners.of(
                "public = udp:203.0.113.4:5060",
                "tcp-5080 = tcp:203.0.113.4:5080",
                "tcp-5060 = tcp:203.0.113.4:5060");

        assertThat(listeners.on(address("203.0.113.4"), Transport.TCP).map(SipListener::name)).contains("tcp-5080");
        assertThat(listeners.on(address("203.0.113.4"), Transport.TLS)).isEmpty();
        assertThat(listeners.on(address("203.0.113.5"), Transport.UDP)).isEmpty();
    }

    @Test
    void theDefaultListenerIsPreferredWhenItFitsTheTransportAndFamily() {
        Listeners listeners = Listeners.from(TestConfiguration.load(directory,
                FOUR_LISTENERS + "socket.default = private\n"));

        assertThat(listeners.defaultFor(Transport.UDP, false).map(SipListener::name)).contains("private");
    }

    @Test
    void whenTheDefaultDoesNotFitTheFirstListenerThatFitsIsTaken() {
        Listeners listeners = Listeners.from(TestConfiguration.load(directory, """
                listener.public = udp:203.0.113.4:5060
                listener.v6-a = udp:[2001:db8::4]:5060
                listener.v6-b = udp:[2001:db8::5]:5060
                listener.tcp-a = tcp:10.0.0.4:5060
                listener.tcp-b = tcp:10.0.0.5:5060
                socket.default = public
                """));

        assertThat(listeners.defaultFor(Transport.UDP, true).map(SipListener::name)).contains("v6-a");
        assertThat(listeners.defaultFor(Transport.TCP, false).map(SipListener::name)).contains("tcp-a");
    }

    @Test
    void noListenerIsTheDefaultOfATransportAndFamilyNoneServes() {
        assertThat(fourListeners().defaultFor(Transport.TLS, false)).isEmpty();
        assertThat(fourListeners().defaultFor(Transport.TCP, true)).isEmpty();
    }

    private Listeners fourListeners() {
        return Listeners.from(TestConfiguration.load(directory, FOUR_LISTENERS));
    }

    private static InetAddress address(String literal) {
        return IpAddresses.parseLiteral(literal).orElseThrow();
    }
}

package org.interchange.container.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.interchange.container.config.ConfigurationFiles.load;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SipListenerTest {

    @TempDir
    Path directory;

    @Test
    void ipv4Listener() throws UnknownHostException {
        SipListener listener = SipListener.parse("public", "udp:10.0.0.4:5060");

        assertThat(listener.name()).isEqualTo("public");
        assertThat(listener.transport()).isEqualTo(Transport.UDP);
        assertThat(listener.address()).isEqualTo(InetAddress.getByName("10.0.0.4"));
        assertThat(listener.port()).isEqualTo(5060);
        assertThat(listener.isIpv6()).isFalse();
        assertThat(listener.socket()).isEqualTo("udp:10.0.0.4:5060");
        assertThat(listener.shown()).isEqualTo(listener.bound());
    }

    @Test
    void ipv6ListenerIsWrittenInBracketsAndCanonicalForm() {
        SipListener listener = SipListener.parse("v6", "TCP:[2001:DB8:0:0:0:0:0:4]:5061");

        assertThat(listener.isIpv6()).isTrue();
        assertThat(listener.transport()).isEqualTo(Transport.TCP);
        assertThat(listener.socket()).isEqualTo("tcp:[2001:db8::4]:5061");
        assertThat(listener.bound()).hasToString("[2001:db8::4]:5061");
    }

    @Test
    void advertisedAddressIsShownToPeers() {
        SipListener listener = SipListener.parse("public", "udp:10.0.0.4:5060 advertise 203.0.113.4:5080");

        assertThat(listener.shown()).hasToString("203.0.113.4:5080");
        assertThat(listener.bound()).hasToString("10.0.0.4:5060");
        assertThat(listener).hasToString("public(udp:10.0.0.4:5060 advertise 203.0.113.4:5080)");
    }

    @Test
    void advertisedNameWithoutPortKeepsTheBoundPort() {
        SipListener listener = SipListener.parse("public", "udp:10.0.0.4:5060 advertise sip.example.com");

        assertThat(listener.shown()).hasToString("sip.example.com:5060");
    }

    @Test
    void unknownTransportIsRefused() {
        assertThatThrownBy(() -> SipListener.parse("a", "sctp:10.0.0.4:5060"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown transport 'sctp'");
    }

    @Test
    void definitionWithoutTransportIsRefusedWithTheFix() {
        assertThatThrownBy(() -> SipListener.parse("a", "10.0.0.4"))
                .hasMessage("'10.0.0.4' has no transport; write it as udp:10.0.0.4");
    }

    @Test
    void hostNameIsRefused() {
        assertThatThrownBy(() -> SipListener.parse("a", "udp:sip.example.com:5060"))
                .hasMessage("'sip.example.com' is not an IP address; a listener binds an address, not a name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp:0.0.0.0:5060", "udp:[::]:5060"})
    void wildcardAddressIsRefused(String definition) {
        assertThatThrownBy(() -> SipListener.parse("a", definition))
                .hasMessageContaining("a listener binds one address, not the wildcard")
                .hasMessageContaining("define one listener per address");
    }

    @Test
    void portIsRequired() {
        assertThatThrownBy(() -> SipListener.parse("a", "udp:10.0.0.4"))
                .hasMessage("'udp:10.0.0.4' has no port");
    }

    @Test
    void onlyAdvertiseMayFollowTheSocket() {
        assertThatThrownBy(() -> SipListener.parse("a", "udp:10.0.0.4:5060 announce 203.0.113.4"))
                .hasMessage("expected <transport>:<address>:<port> [advertise <host>[:<port>]]");
    }

    @Test
    void nameIsAWord() {
        assertThatThrownBy(() -> SipListener.parse("a.b", "udp:10.0.0.4:5060"))
                .hasMessageContaining("listener name 'a.b' may only use letters, digits, '-' and '_'");
    }

    @Test
    void allListenersComeInFileOrder() {
        RouterConfiguration config = load(directory, """
                listener.udp = udp:127.0.0.1:5060
                listener.tcp = tcp:127.0.0.1:5060
                listener.v6 = udp:[::1]:5060
                """);

        List<SipListener> listeners = SipListener.allFrom(config);

        assertThat(listeners).extracting(SipListener::name).containsExactly("udp", "tcp", "v6");
    }

    @Test
    void twoListenersOnOneSocketAreRefused() {
        RouterConfiguration config = load(directory, """
                listener.first = udp:127.0.0.1:5060
                listener.second = UDP:127.0.0.1:5060
                """);

        assertThatThrownBy(() -> SipListener.allFrom(config))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(config.file() + ", line 2: listener.second = \"UDP:127.0.0.1:5060\": "
                        + "another listener already binds udp:127.0.0.1:5060");
    }

    @Test
    void badDefinitionIsReportedWithItsLine() {
        RouterConfiguration config = load(directory, """
                listener.public = udp:sip.example.com:5060
                """);

        assertThatThrownBy(() -> SipListener.allFrom(config))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith(config.file() + ", line 1: listener.public = ");
    }

    @Test
    void listenerWithoutDefinitionIsReported() {
        RouterConfiguration config = load(directory, """
                listener.public =
                """);

        assertThatThrownBy(() -> SipListener.allFrom(config))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("a listener needs a definition such as udp:127.0.0.1:5060");
    }

    @Test
    void configurationWithoutListenerIsRefused() {
        RouterConfiguration config = load(directory, """
                domains = example.com
                """);

        assertThatThrownBy(() -> SipListener.allFrom(config))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(config.file() + ": no listener is defined; add one such as listener.udp = udp:127.0.0.1:5060");
    }
}

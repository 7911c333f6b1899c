package org.interchange.container.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostPortTest {

    @Test
    void hostAloneHasNoPort() {
        assertThat(HostPort.parse("example.com")).isEqualTo(new HostPort("example.com", OptionalInt.empty()));
    }

    @Test
    void hostAndPort() {
        assertThat(HostPort.parse(" 198.51.100.4:5060 ")).isEqualTo(new HostPort("198.51.100.4", OptionalInt.of(5060)));
    }

    @Test
    void ipv6HostIsKeptWithoutBrackets() {
        HostPort hostPort = HostPort.parse("[2001:db8::1]:5061");

        assertThat(hostPort.host()).isEqualTo("2001:db8::1");
        assertThat(hostPort.port()).hasValue(5061);
        assertThat(hostPort.isIpv6()).isTrue();
        assertThat(hostPort.uriHost()).isEqualTo("[2001:db8::1]");
    }

    @Test
    void ipv6HostWithoutPort() {
        assertThat(HostPort.parse("[::1]")).isEqualTo(new HostPort("::1", OptionalInt.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "198.51.100.4:5060", "[2001:db8::1]", "[2001:db8::1]:5061"})
    void textRoundTrips(String text) {
        assertThat(HostPort.parse(text)).hasToString(text);
    }

    @Test
    void ipv6AddressWithoutBracketsIsRefusedWithTheFix() {
        assertThatThrownBy(() -> HostPort.parse("2001:db8::1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("write an IPv6 address in brackets, as [2001:db8::1]");
    }

    @Test
    void unclosedBracketIsRefused() {
        assertThatThrownBy(() -> HostPort.parse("[2001:db8::1:5060"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("opens '[' without closing it");
    }

    @Test
    void textAfterTheBracketMustBeAPort() {
        assertThatThrownBy(() -> HostPort.parse("[::1]5060"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not ':port'");
    }

    @Test
    void portMustBeANumberInRange() {
        assertThatThrownBy(() -> HostPort.parse("example.com:sip"))
                .hasMessageContaining("the port is not a number");
        assertThatThrownBy(() -> HostPort.parse("example.com:0"))
                .hasMessage("port 0 is not in 1..65535");
        assertThatThrownBy(() -> HostPort.parse("example.com:65536"))
                .hasMessage("port 65536 is not in 1..65535");
    }

    @Test
    void hostIsRequired() {
        assertThatThrownBy(() -> HostPort.parse(":5060")).hasMessage("empty host");
    }
}

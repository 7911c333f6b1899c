package org.interchange.core.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.interchange.container.config.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointTest {

    @ParameterizedTest
    @ValueSource(strings = {"udp:198.51.100.7:5060", "tcp:[2001:db8::7]:5061", "tls:sip.example.com:5061"})
    void textRoundTrips(String text) {
        assertThat(Endpoint.parse(text)).hasToString(text);
    }

    @Test
    void ipv6AddressIsKeptWithoutBrackets() {
        Endpoint endpoint = Endpoint.parse("tcp:[2001:db8::7]:5061");

        assertThat(endpoint).isEqualTo(new Endpoint(Transport.TCP, "2001:db8::7", 5061));
        assertThat(endpoint.uriHost()).isEqualTo("[2001:db8::7]");
    }

    @Test
    void bracketsGivenToTheConstructorAreDropped() {
        assertThat(new Endpoint(Transport.UDP, "[::1]", 5060)).isEqualTo(new Endpoint(Transport.UDP, "::1", 5060));
    }

    @Test
    void transportAndPortAreRequired() {
        assertThatThrownBy(() -> Endpoint.parse("198.51.100.7")).hasMessageContaining("is not transport:address:port");
        assertThatThrownBy(() -> Endpoint.parse("udp:198.51.100.7")).hasMessageContaining("has no port");
    }
}

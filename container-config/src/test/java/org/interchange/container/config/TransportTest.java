package org.interchange.container.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TransportTest {

    @Test
    void namesAreReadIgnoringCase() {
        assertThat(Transport.parse("udp")).isEqualTo(Transport.UDP);
        assertThat(Transport.parse("TCP")).isEqualTo(Transport.TCP);
        assertThat(Transport.parse("Tls")).isEqualTo(Transport.TLS);
    }

    @Test
    void tokenIsTheLowerCaseName() {
        assertThat(Transport.TLS.token()).isEqualTo("tls");
    }

    @Test
    void onlyDatagramsAreUnreliable() {
        assertThat(Transport.UDP.isReliable()).isFalse();
        assertThat(Transport.TCP.isReliable()).isTrue();
        assertThat(Transport.TLS.isReliable()).isTrue();
    }

    @Test
    void unknownTransportIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> Transport.parse("sctp"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown transport 'sctp'; expected udp, tcp or tls");
    }
}

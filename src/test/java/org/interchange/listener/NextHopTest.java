package org.interchange.listener;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.interchange.container.config.IpAddresses;
import org.interchange.container.config.Transport;
import org.interchange.container.dns.SipHop;
import org.interchange.container.dns.SipTarget;
import org.interchange.core.sip.SipUri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where a request goes (RFC 3261 16.6 step 7) and over which transport and port (RFC 3263 4.1, 4.2, for URIs that
 * name them or a numeric host): the first Route, else the Request-URI.
 */
class NextHopTest {

    @Test
    void theTopRouteWinsOverTheRequestUri() {
        NextHop hop = NextHop.of("sip:bob@198.51.100.20",
                List.of("<sip:192.0.2.1:5070;transport=tcp;lr>", "<sip:192.0.2.2;lr>"));

        assertThat(hop).isEqualTo(new NextHop(Transport.TCP, "192.0.2.1", 5070));
    }

    @Test
    void withoutRouteTheRequestUriIsTheNextHop() {
        assertThat(NextHop.of("sip:bob@198.51.100.20:5080", List.of()))
                .isEqualTo(new NextHop(Transport.UDP, "198.51.100.20", 5080));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "sip:bob@198.51.100.20, udp:198.51.100.20:5060",
            "sip:bob@198.51.100.20;transport=tcp, tcp:198.51.100.20:5060",
            "sip:bob@198.51.100.20;transport=TCP, tcp:198.51.100.20:5060",
            "sip:bob@198.51.100.20;transport=tls, tls:198.51.100.20:5061",
            "sip:bob@198.51.100.20:5999;transport=tls, tls:198.51.100.20:5999",
            "sips:bob@198.51.100.20, tls:198.51.100.20:5061",
            "sips:bob@198.51.100.20:5062, tls:198.51.100.20:5062",
            "sips:bob@198.51.100.20;transport=tcp, tls:198.51.100.20:5061",
            "sip:bob@sip.example.com, udp:sip.example.com:5060",
    })
    void theTransportParameterElseTheSchemeChoosesTransportAndDefaultPort(String uri, String hop) {
        assertThat(NextHop.of(SipUri.parse(uri))).hasToString(hop);
    }

    @Test
    void anIpv6HostIsKeptWithoutBracketsAndShownWithThem() {
        NextHop hop = NextHop.of("sip:bob@[2001:db8::20]:5070", List.of());

        assertThat(hop.host()).isEqualTo("2001:db8::20");
        assertThat(hop).hasToString("udp:[2001:db8::20]:5070");
    }

    @Test
    void theLoopbackOfIpv6IsWrittenInBrackets() {
        assertThat(NextHop.of("sip:[::1]", List.of())).hasToString("udp:[::1]:5060");
    }

    @Test
    void whatRfc3263ResolvesIsWhatTheUriNamesNotTheDefaults() {
        SipTarget target = NextHop.target(SipUri.parse("sips:bob@example.com;transport=tcp"));

        assertThat(target).isEqualTo(new SipTarget("example.com", OptionalInt.empty(), Optional.of(Transport.TLS), true));
        assertThat(NextHop.target(SipUri.parse("sip:example.com:5070")))
                .isEqualTo(new SipTarget("example.com", OptionalInt.of(5070), Optional.empty(), false));
    }

    @Test
    void aServerFoundByDnsIsANumericNextHop() {
        SipHop server = new SipHop(Transport.TCP, IpAddresses.parseLiteral("2001:db8::7").orElseThrow(), 5070);

        assertThat(NextHop.of(server)).isEqualTo(new NextHop(Transport.TCP, "2001:db8::7", 5070));
    }

    @Test
    void theAddressOfALiteralHostIsThatLiteral() {
        assertThat(new NextHop(Transport.UDP, "198.51.100.20", 5060).address())
                .isEqualTo(IpAddresses.parseLiteral("198.51.100.20"));
        assertThat(new NextHop(Transport.UDP, "2001:db8::20", 5060).address())
                .isEqualTo(IpAddresses.parseLiteral("2001:db8::20"));
    }
}

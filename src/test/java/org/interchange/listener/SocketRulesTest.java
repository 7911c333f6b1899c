package org.interchange.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

import org.interchange.container.config.InvalidConfigurationException;
import org.interchange.container.config.RouterConfiguration;
import org.interchange.container.config.Transport;
import org.interchange.core.TestConfiguration;
import org.interchange.core.sip.Endpoint;
import org.interchange.core.sip.InboundRequest;
import org.interchange.core.sip.SipRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Socket rules ({@code socket.rule.<name>.*}): which initial requests a rule matches (source, received-on,
 * ruri-user, domain, method, transport, all of those set), that the first matching rule of the file wins, and that a
 * rule that cannot work stops the start with the file, line and key.
 */
class SocketRulesTest {

    private static final String LISTENERS = """
            listener.public = udp:203.0.113.4:5060
            listener.private = udp:10.0.0.4:5060
            listener.private-tcp = tcp:10.0.0.4:5060
            listener.v6 = udp:[2001:db8::4]:5060
            """;
    private static final Endpoint PUBLIC = Endpoint.parse("udp:203.0.113.4:5060");
    private static final Endpoint PRIVATE = Endpoint.parse("udp:10.0.0.4:5060");
    private static final Endpoint PRIVATE_TCP = Endpoint.parse("tcp:10.0.0.4:5060");
    private static final Endpoint PHONE = Endpoint.parse("udp:198.51.100.7:5060");

    @TempDir
    Path directory;

    @Test
    void theSeedExampleSendsStarThirtyThreeCallsToTheMediaServerThroughThePrivateListener() {
        SocketRules rules = rules("""
                socket.rule.media.ruri-user   = ^\\\\*33[0-9]+$
                socket.rule.media.socket      = private
                socket.rule.media.destination = sip:10.0.0.100
                """);

        Optional<SocketRule> match = rules.match(request("INVITE sip:*331234@example.com"));

        assertThat(match).isPresent();
        assertThat(match.get().name()).isEqualTo("media");
        assertThat(match.get().socket()).contains(new ForcedSocket.Named("private"));
        assertThat(match.get().destination().map(Object::toString)).contains("sip:10.0.0.100");
        assertThat(rules.match(request("INVITE sip:alice@example.com"))).isEmpty();
        assertThat(rules.match(request("INVITE sip:*33@example.com"))).isEmpty();
        assertThat(rules.match(request("INVITE sip:example.com"))).isEmpty();
    }

    @Test
    void aRegexBackslashWrittenOnceAfterTheCaretStopsTheStartExplainingTheDoubling() {
        RouterConfiguration config = config("""
                socket.rule.media.ruri-user = ^\\*33[0-9]+$
                socket.rule.media.socket = private
                """);

        assertThatThrownBy(() -> SocketRules.from(config, Listeners.from(config)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(config.file() + ", line 5: socket.rule.media.ruri-user = \"^*33[0-9]+$\": "
                        + "'^' followed by a quantifier repeats nothing; "
                        + "in the properties file write a backslash twice, as ^\\\\*33[0-9]+$");
    }

    @Test
    void aSourceRuleMatchesRequestsFromItsNetworksOnly() {
        SocketRules rules = rules("""
                socket.rule.partners.source = 198.51.100.0/24, 2001:db8:5::/48
                socket.rule.partners.socket = private
                """);

        assertThat(rules.match(request("INVITE sip:bob@example.com", PHONE, PUBLIC))).isPresent();
        assertThat(rules.match(request("INVITE sip:bob@example.com", Endpoint.parse("udp:[2001:db8:5::7]:5060"),
                PUBLIC))).isPresent();
        assertThat(rules.match(request("INVITE sip:bob@example.com", Endpoint.parse("udp:192.0.2.7:5060"), PUBLIC)))
                .isEmpty();
    }

    @Test
    void aReceivedOnRuleMatchesRequestsThatArrivedOnThoseListeners() {
        SocketRules rules = rules("""
                socket.rule.inside.received-on = private, private-tcp
                socket.rule.inside.socket = public
                """);

        assertThat(rules.match(request("INVITE sip:bob@example.com", PHONE, PRIVATE))).isPresent();
        assertThat(rules.match(request("INVITE sip:bob@example.com", PHONE, PRIVATE_TCP))).isPresent();
        assertThat(rules.match(request("INVITE sip:bob@example.com", PHONE, PUBLIC))).isEmpty();
        assertThat(rules.match(request("INVITE sip:bob@example.com", PHONE, Endpoint.parse("udp:10.0.0.4:5099"))))
                .isEmpty();
    }

    @Test
    void aMethodRuleMatchesThoseMethodsOnly() {
        SocketRules rules = rules("""
                socket.rule.calls.method = INVITE, MESSAGE
                socket.rule.calls.socket = private
                """);

        assertThat(rules.match(request("INVITE sip:bob@example.com"))).isPresent();
        assertThat(rules.match(request("MESSAGE sip:bob@example.com"))).isPresent();
        assertThat(rules.match(request("SUBSCRIBE sip:bob@example.com"))).isEmpty();
    }

    @Test
    void aTransportRuleMatchesRequestsThatArrivedOverThatTransport() {
        SocketRules rules = rules("""
                socket.rule.streams.transport = tcp
                socket.rule.streams.socket = private-tcp
                """);

        assertThat(rules.match(request("INVITE sip:bob@example.com", PHONE, PRIVATE_TCP))).isPresent();
        assertThat(rules.match(request("INVITE sip:bob@example.com", PHONE, PRIVATE))).isEmpty();
    }

    @Test
    void aDomainRuleMatchesRequestUriHostsWhateverTheirCase() {
        SocketRules rules = rules("""
                socket.rule.partner.domain = Partner.Example.COM
                socket.rule.partner.socket = public
                """);

        assertThat(rules.match(request("INVITE sip:bob@partner.example.com"))).isPresent();
        assertThat(rules.match(request("INVITE sip:bob@PARTNER.example.com"))).isPresent();
        assertThat(rules.match(request("INVITE sip:bob@example.com"))).isEmpty();
        assertThat(rules.match(request("INVITE tel:+15551234567"))).isEmpty();
    }

    @Test
    void everyConditionOfARuleMustHold() {
        SocketRules rules = rules("""
                socket.rule.media.ruri-user = ^\\\\*33[0-9]+$
                socket.rule.media.method = INVITE
                socket.rule.media.received-on = private
                socket.rule.media.socket = private
                """);

        assertThat(rules.match(request("INVITE sip:*331234@example.com", PHONE, PRIVATE))).isPresent();
        assertThat(rules.match(request("MESSAGE sip:*331234@example.com", PHONE, PRIVATE))).isEmpty();
        assertThat(rules.match(request("INVITE sip:*331234@example.com", PHONE, PUBLIC))).isEmpty();
        assertThat(rules.match(request("INVITE sip:bob@example.com", PHONE, PRIVATE))).isEmpty();
    }

    @Test
    void theFirstMatchingRuleOfTheFileWinsWhateverItsName() {
        SocketRules rules = rules("""
                socket.rule.zeta.method = INVITE
                socket.rule.zeta.socket = private
                socket.rule.alpha.domain = example.com
                socket.rule.alpha.socket = public
                socket.rule.zeta.domain = example.com
                """);

        assertThat(rules.rules()).extracting(SocketRule::name).containsExactly("zeta", "alpha");
        assertThat(rules.match(request("INVITE sip:bob@example.com")).map(SocketRule::name)).contains("zeta");
        assertThat(rules.match(request("MESSAGE sip:bob@example.com")).map(SocketRule::name)).contains("alpha");
    }

    @Test
    void withoutRulesNothingMatches() {
        assertThat(rules("").match(request("INVITE sip:bob@example.com"))).isEmpty();
    }

    @Test
    void aRuleMayForceTheReceivedAddressOrOnlyChangeTheDestination() {
        SocketRules rules = rules("""
                socket.rule.back.socket = tcp:received:5060
                socket.rule.back.method = BYE
                socket.rule.gateway.destination = sip:192.0.2.10:5080
                """);

        assertThat(rules.rules().get(0).socket())
                .contains(new ForcedSocket.OnReceivedAddress(Transport.TCP, OptionalInt.of(5060)));
        assertThat(rules.rules().get(1).socket()).isEmpty();
        assertThat(rules.rules().get(1).destination().map(Object::toString)).contains("sip:192.0.2.10:5080");
    }

    @Test
    void aRuleWithNeitherSocketNorDestinationStopsTheStart() {
        RouterConfiguration config = config("socket.rule.idle.method = INVITE\n");

        assertThatThrownBy(() -> SocketRules.from(config, Listeners.from(config)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(config.file() + ": socket.rule.idle.socket: "
                        + "rule idle needs a socket, a destination or both");
    }

    @Test
    void aRuleNamingAnUnknownListenerStopsTheStart() {
        RouterConfiguration config = config("socket.rule.lost.socket = nowhere\n");

        assertThatThrownBy(() -> SocketRules.from(config, Listeners.from(config)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(config.file() + ", line 5: socket.rule.lost.socket = \"nowhere\": "
                        + "no listener is named 'nowhere'");
    }

    @Test
    void aRuleForcingASocketThatIsNoListenerStopsTheStart() {
        RouterConfiguration config = config("socket.rule.lost.socket = udp:10.0.0.4:5099\n");

        assertThatThrownBy(() -> SocketRules.from(config, Listeners.from(config)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(config.file() + ", line 5: socket.rule.lost.socket = \"udp:10.0.0.4:5099\": "
                        + "no listener binds udp:10.0.0.4:5099; a request can only leave through a listener");
    }

    @Test
    void aRuleReceivedOnAnUnknownListenerStopsTheStart() {
        RouterConfiguration config = config("""
                socket.rule.lost.received-on = private, nowhere
                socket.rule.lost.socket = public
                """);

        assertThatThrownBy(() -> SocketRules.from(config, Listeners.from(config)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(config.file() + ", line 5: socket.rule.lost.received-on = \"private, nowhere\": "
                        + "no listener is named 'nowhere'");
    }

    @Test
    void aRuleWithABadRegularExpressionStopsTheStart() {
        RouterConfiguration config = config("""
                socket.rule.media.socket = private
                socket.rule.media.ruri-user = [0-9
                """);

        assertThatThrownBy(() -> SocketRules.from(config, Listeners.from(config)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith(config.file() + ", line 6: socket.rule.media.ruri-user = \"[0-9\": "
                        + "not a regular expression: ");
    }

    @Test
    void aRuleWhoseIpv6ListenerCannotReachItsIpv4DestinationStopsTheStart() {
        RouterConfiguration config = config("""
                socket.rule.media.socket = v6
                socket.rule.media.destination = sip:10.0.0.100
                """);

        assertThatThrownBy(() -> SocketRules.from(config, Listeners.from(config)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(config.file() + ", line 5: socket.rule.media.socket = \"v6\": listener "
                        + "v6(udp:[2001:db8::4]:5060) is IPv6 and cannot reach the IPv4 destination sip:10.0.0.100; "
                        + "name a listener of the destination's address family");
    }

    @Test
    void aRuleWhoseIpv4ListenerCannotReachItsIpv6DestinationStopsTheStart() {
        RouterConfiguration config = config("""
                socket.rule.media.socket = udp:10.0.0.4:5060
                socket.rule.media.destination = sip:[2001:db8::100]
                """);

        assertThatThrownBy(() -> SocketRules.from(config, Listeners.from(config)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("socket.rule.media.socket = \"udp:10.0.0.4:5060\": listener "
                        + "private(udp:10.0.0.4:5060) is IPv4 and cannot reach the IPv6 destination");
    }

    private RouterConfiguration config(String rules) {
        return TestConfiguration.load(directory, LISTENERS + rules);
    }

    private SocketRules rules(String rules) {
        RouterConfiguration config = config(rules);
        return SocketRules.from(config, Listeners.from(config));
    }

    /** An initial request from a phone, arriving on the public listener. */
    private static InboundRequest request(String requestLine) {
        return request(requestLine, PHONE, PUBLIC);
    }

    private static InboundRequest request(String requestLine, Endpoint source, Endpoint arrival) {
        InboundRequest parsed = SipRequests.parse(requestLine + " SIP/2.0", source);
        return new InboundRequest(parsed.method(), parsed.requestUri(), parsed.headers(), parsed.source(), arrival,
                true);
    }
}

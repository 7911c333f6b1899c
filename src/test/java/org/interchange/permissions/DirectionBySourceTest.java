package org.interchange.permissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Optional;

import org.interchange.container.config.IpAddresses;
import org.interchange.container.config.Transport;
import org.interchange.core.Beans;
import org.interchange.core.persistence.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 4: the classic first step of an OpenSIPS script, the direction of a request by its source,
 * as rows of the address table instead of {@code if (src_ip == ...)} lines:
 * <pre>
 * if (src_ip == 10.10.11.11) { ...from OpenSIPS itself... }
 * else if (src_ip == 10.10.11.12 || src_ip == 10.10.11.13) { $var(direction) = "from_mg"; setsflag(1); }
 * else if (src_ip == 10.10.11.100) { $var(direction) = "from_ivr_voiceserver"; setsflag(1); }
 * </pre>
 * Three groups, four rows; the direction is the row's context_info, the flag is "in a group at all".
 */
class DirectionBySourceTest {

    private static final int ROUTER = 1;
    private static final int MEDIA_SERVERS = 2;
    private static final int IVR = 3;

    private final AddressGroups groups = Beans.constructed(new AddressGroups(TestDatabase.H2.empty()));

    @BeforeEach
    void rows() {
        groups.add(AddressRule.of(ROUTER, "10.10.11.11", 32, 0, "any", null, "from_opensips"));
        groups.add(AddressRule.of(MEDIA_SERVERS, "10.10.11.12", 32, 0, "any", null, "from_mg"));
        groups.add(AddressRule.of(MEDIA_SERVERS, "10.10.11.13", 32, 0, "any", null, "from_mg"));
        groups.add(AddressRule.of(IVR, "10.10.11.100", 32, 0, "any", null, "from_ivr_voiceserver"));
    }

    @Test
    void requestFromTheRouterItselfIsInTheRoutersGroup() {
        assertThat(from("10.10.11.11")).map(Match::group).hasValue(ROUTER);
    }

    @Test
    void requestsFromEitherMediaServerAreFromTheMediaGateway() {
        assertThat(from("10.10.11.12")).map(Match::group).hasValue(MEDIA_SERVERS);
        assertThat(from("10.10.11.13")).map(Match::group).hasValue(MEDIA_SERVERS);
        assertThat(from("10.10.11.13")).flatMap(Match::contextInfo).hasValue("from_mg");
    }

    @Test
    void requestFromTheIvrIsFromTheVoiceServer() {
        assertThat(from("10.10.11.100")).map(Match::group).hasValue(IVR);
        assertThat(from("10.10.11.100")).flatMap(Match::contextInfo).hasValue("from_ivr_voiceserver");
    }

    @Test
    void requestFromAnyoneElseIsInNoGroup() {
        assertThat(from("10.10.11.14")).isEmpty();
        assertThat(from("203.0.113.7")).isEmpty();
    }

    @Test
    void scriptChecksReadAsChecksOfAGroup() {
        // if (check_source_address(2)) { ... }: is this request from a media server?
        assertThat(groups.check(MEDIA_SERVERS, ip("10.10.11.12"), 5060, Proto.UDP)).isPresent();
        assertThat(groups.check(MEDIA_SERVERS, ip("10.10.11.100"), 5060, Proto.UDP)).isEmpty();
    }

    private Optional<Match> from(String source) {
        return groups.sourceGroup(ip(source), 5060, Transport.UDP);
    }

    private static InetAddress ip(String literal) {
        return IpAddresses.parseLiteral(literal).orElseThrow();
    }
}

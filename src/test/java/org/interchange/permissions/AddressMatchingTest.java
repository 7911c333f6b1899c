package org.interchange.permissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Optional;

import org.interchange.container.config.IpAddresses;
import org.interchange.container.config.Transport;
import org.interchange.core.Beans;
import org.interchange.core.persistence.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Which row a source falls in, with OpenSIPS's semantics: get_source_group and check_address over the rows of the
 * address table (on H2: the table on every database is {@link AddressGroupsTest}'s).
 */
class AddressMatchingTest {

    private final AddressGroups groups = Beans.constructed(new AddressGroups(TestDatabase.H2.empty()));

    @Test
    void ipv4HostMatchesOnlyItself() {
        long id = add(1, "192.0.2.10", 32);

        assertThat(source("192.0.2.10")).map(Match::id).hasValue(id);
        assertThat(source("192.0.2.11")).isEmpty();
        assertThat(source("2001:db8::1")).isEmpty();
    }

    @Test
    void ipv4NetworkMatchesItsAddresses() {
        add(2, "198.51.100.0", 24);

        assertThat(source("198.51.100.1")).map(Match::group).hasValue(2);
        assertThat(source("198.51.100.254")).map(Match::group).hasValue(2);
        assertThat(source("198.51.101.1")).isEmpty();
    }

    @Test
    void hostBitsOfTheNetworkAreIgnored() {
        add(2, "198.51.100.77", 24);

        assertThat(source("198.51.100.1")).map(Match::group).hasValue(2);
    }

    @Test
    void ipv6HostAndNetwork() {
        add(1, "2001:db8::4", 128);
        add(2, "2001:db8:0:1::", 64);

        assertThat(source("2001:db8:0:0:0:0:0:4")).map(Match::group).hasValue(1);
        assertThat(source("2001:db8::5")).isEmpty();
        assertThat(source("2001:db8:0:1:abcd::1")).map(Match::group).hasValue(2);
        assertThat(source("2001:db8:0:2::1")).isEmpty();
        assertThat(source("198.51.100.1")).as("another family").isEmpty();
    }

    @Test
    void oddPrefixLengthsCutInsideAByte() {
        add(1, "10.0.0.0", 9);
        add(2, "2001:db8:8000::", 33);
        add(3, "2001:db8::", 100);

        assertThat(source("10.127.255.255")).map(Match::group).hasValue(1);
        assertThat(source("10.128.0.0")).isEmpty();
        assertThat(source("2001:db8:ffff::1")).map(Match::group).hasValue(2);
        assertThat(source("2001:db8:7fff::1")).isEmpty();
        assertThat(source("2001:db8::fff:ffff")).map(Match::group).hasValue(3);
        assertThat(source("2001:db8::1000:0")).isEmpty();
    }

    @Test
    void maskZeroMatchesTheWholeFamily() {
        add(9, "0.0.0.0", 0);

        assertThat(source("203.0.113.9")).map(Match::group).hasValue(9);
        assertThat(source("::1")).isEmpty();
    }

    @Test
    void portZeroInARowMatchesAnyPort() {
        add(1, "192.0.2.10", 32);

        assertThat(groups.sourceGroup(ip("192.0.2.10"), 5060, Transport.UDP)).isPresent();
        assertThat(groups.sourceGroup(ip("192.0.2.10"), 40000, Transport.UDP)).isPresent();
    }

    @Test
    void rowWithAPortMatchesThatPortOnly() {
        groups.add(AddressRule.of(1, "192.0.2.10", null, 5080, null, null, null));

        assertThat(groups.sourceGroup(ip("192.0.2.10"), 5080, Transport.UDP)).isPresent();
        assertThat(groups.sourceGroup(ip("192.0.2.10"), 5060, Transport.UDP)).isEmpty();
        assertThat(groups.check(1, ip("192.0.2.10"), 0, Proto.ANY)).as("port 0 in a check: any").isPresent();
    }

    @Test
    void rowForAnyTransportMatchesEveryTransport() {
        add(1, "192.0.2.10", 32);

        for (Transport transport : Transport.values()) {
            assertThat(groups.sourceGroup(ip("192.0.2.10"), 5060, transport)).as(transport.token()).isPresent();
        }
    }

    @Test
    void rowForOneTransportMatchesThatTransportOnly() {
        groups.add(AddressRule.of(1, "192.0.2.10", null, 0, "TLS", null, null));

        assertThat(groups.sourceGroup(ip("192.0.2.10"), 5061, Transport.TLS)).isPresent();
        assertThat(groups.sourceGroup(ip("192.0.2.10"), 5060, Transport.UDP)).isEmpty();
        assertThat(groups.sourceGroup(ip("192.0.2.10"), 5060, Transport.TCP)).isEmpty();
        assertThat(groups.check(1, ip("192.0.2.10"), 0, Proto.ANY)).as("any in a check").isPresent();
    }

    @Test
    void rowForATransportTheRouterDoesNotServeMatchesOnlyACheckForAny() {
        groups.add(AddressRule.of(1, "192.0.2.10", null, 0, "wss", null, null));

        assertThat(groups.sourceGroup(ip("192.0.2.10"), 443, Transport.TLS)).isEmpty();
        assertThat(groups.check(1, ip("192.0.2.10"), 443, Proto.WSS)).isPresent();
        assertThat(groups.check(0, ip("192.0.2.10"), 443, Proto.ANY)).isPresent();
    }

    @Test
    void disabledRowIsListedButNeverMatches() {
        long id = groups.add(AddressRule.of(1, "192.0.2.10", null, 0, "none", null, null));

        assertThat(groups.list()).extracting(AddressEntry::id).containsExactly(id);
        assertThat(groups.check(0, ip("192.0.2.10"), 0, Proto.ANY)).isEmpty();
    }

    @Test
    void checkLooksInTheGroupItIsGiven() {
        add(1, "192.0.2.10", 32);
        add(2, "192.0.2.20", 32);

        assertThat(groups.check(1, ip("192.0.2.10"), 5060, Proto.UDP)).isPresent();
        assertThat(groups.check(2, ip("192.0.2.10"), 5060, Proto.UDP)).isEmpty();
        assertThat(groups.check(3, ip("192.0.2.10"), 5060, Proto.UDP)).as("a group without rows").isEmpty();
    }

    @Test
    void checkForGroupZeroLooksInEveryGroup() {
        add(1, "192.0.2.10", 32);
        add(2, "192.0.2.20", 32);

        assertThat(groups.check(0, ip("192.0.2.10"), 5060, Proto.UDP)).map(Match::group).hasValue(1);
        assertThat(groups.check(0, ip("192.0.2.20"), 5060, Proto.UDP)).map(Match::group).hasValue(2);
    }

    @Test
    void patternIsMatchedAgainstTheSubjectOfACheck() {
        groups.add(AddressRule.of(4, "192.0.2.135", null, 0, null, "sip:*@carrier.example", "carrier"));

        assertThat(groups.check(4, ip("192.0.2.135"), 5060, Proto.UDP, "sip:+4930123@carrier.example"))
                .flatMap(Match::contextInfo).hasValue("carrier");
        assertThat(groups.check(4, ip("192.0.2.135"), 5060, Proto.UDP, "sip:+4930123@other.example")).isEmpty();
        assertThat(groups.check(4, ip("192.0.2.135"), 5060, Proto.UDP))
                .as("no subject: the pattern is not consulted").isPresent();
        assertThat(groups.sourceGroup(ip("192.0.2.135"), 5060, Transport.UDP))
                .as("get_source_group gives no subject").map(Match::group).hasValue(4);
    }

    @Test
    void rowWithoutAPatternMatchesAnySubject() {
        add(4, "192.0.2.135", 32);

        assertThat(groups.check(4, ip("192.0.2.135"), 5060, Proto.UDP, "whatever")).isPresent();
    }

    @Test
    void checkGivesTheContextInfoOfTheRow() {
        groups.add(AddressRule.of(1, "192.0.2.10", null, 0, null, null, "gateway-a"));
        groups.add(AddressRule.of(1, "192.0.2.11", null, 0, null, null, null));

        assertThat(groups.check(1, ip("192.0.2.10"), 0, Proto.ANY)).flatMap(Match::contextInfo).hasValue("gateway-a");
        assertThat(groups.check(1, ip("192.0.2.11"), 0, Proto.ANY)).flatMap(Match::contextInfo).isEmpty();
    }

    @Test
    void ofSeveralGroupsMatchingTheLowestWins() {
        add(7, "192.0.2.0", 24);
        add(3, "192.0.2.0", 24);
        add(5, "192.0.2.10", 32);

        assertThat(source("192.0.2.10")).map(Match::group).as("group 3's network before group 5's host").hasValue(3);
    }

    @Test
    void withinAGroupTheLongestPrefixWins() {
        add(1, "10.0.0.0", 8);
        long host = add(1, "10.1.2.3", 32);
        long network = add(1, "10.1.2.0", 24);

        assertThat(source("10.1.2.3")).map(Match::id).hasValue(host);
        assertThat(source("10.1.2.4")).map(Match::id).hasValue(network);
    }

    @Test
    void ofEqualRowsTheLowestIdWins() {
        long first = add(1, "10.1.2.0", 24);
        add(1, "10.1.2.0", 24);

        assertThat(source("10.1.2.3")).map(Match::id).hasValue(first);
    }

    @Test
    void rowThatDoesNotAdmitThePortLetsTheNextOneMatch() {
        groups.add(AddressRule.of(1, "10.1.2.3", null, 5080, null, null, "pbx"));
        groups.add(AddressRule.of(2, "10.1.2.0", 24, 0, null, null, "office"));

        assertThat(groups.sourceGroup(ip("10.1.2.3"), 5080, Transport.UDP)).flatMap(Match::contextInfo).hasValue("pbx");
        assertThat(groups.sourceGroup(ip("10.1.2.3"), 5060, Transport.UDP)).flatMap(Match::contextInfo)
                .hasValue("office");
    }

    @Test
    void emptyTableMatchesNothing() {
        assertThat(source("127.0.0.1")).isEmpty();
        assertThat(groups.check(0, ip("::1"), 0, Proto.ANY)).isEmpty();
    }

    private long add(int group, String ip, int mask) {
        return groups.add(AddressRule.of(group, ip, mask, 0, "any", null, null));
    }

    private Optional<Match> source(String address) {
        return groups.sourceGroup(ip(address), 5060, Transport.UDP);
    }

    private static InetAddress ip(String literal) {
        return IpAddresses.parseLiteral(literal).orElseThrow();
    }
}

package org.interchange.permissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Optional;

import org.interchange.container.config.IpAddresses;
import org.interchange.container.config.Transport;
import org.interchange.core.Beans;
import org.interchange.core.persistence.Database;
import org.interchange.core.persistence.OnEveryDatabase;
import org.interchange.core.persistence.TestDatabase;
import org.junit.jupiter.api.Test;

/** The address table on every database: changes, reloads, rows that cannot be matched. */
class AddressGroupsTest {

    private static final InetAddress MEDIA_SERVER = IpAddresses.parseLiteral("10.10.11.12").orElseThrow();

    @OnEveryDatabase
    void addedRowMatchesAtOnceAndIsKept(TestDatabase server) {
        AddressGroups groups = groups(server.empty());

        long id = groups.add(AddressRule.of(2, "10.10.11.12", null, 0, "udp", "sip:*", "from_mg"));

        assertThat(groups.sourceGroup(MEDIA_SERVER, 5060, Transport.UDP)).map(Match::id).hasValue(id);
        AddressGroups afterRestart = groups(server.database());
        assertThat(afterRestart.list()).containsExactly(new AddressEntry(id,
                new AddressRule(2, MEDIA_SERVER, 32, 0, Proto.UDP, Optional.of("sip:*"), Optional.of("from_mg"))));
    }

    @OnEveryDatabase
    void changedRowMatchesAsChangedAtOnce(TestDatabase server) {
        AddressGroups groups = groups(server.empty());
        long id = groups.add(AddressRule.of(2, "10.10.11.12", null, 0, null, null, null));

        assertThat(groups.change(id, AddressRule.of(3, "2001:db8::12", 64, 5060, "tcp", null, "moved"))).isTrue();

        assertThat(groups.sourceGroup(MEDIA_SERVER, 5060, Transport.UDP)).isEmpty();
        assertThat(groups.sourceGroup(ip("2001:db8::99"), 5060, Transport.TCP)).map(Match::group).hasValue(3);
        assertThat(groups(server.database()).list()).singleElement()
                .satisfies(entry -> assertThat(entry.rule().ipText()).isEqualTo("2001:db8::12"))
                .satisfies(entry -> assertThat(entry.rule().mask()).isEqualTo(64));
    }

    @OnEveryDatabase
    void changeOrRemovalOfAMissingRowSaysSo(TestDatabase server) {
        AddressGroups groups = groups(server.empty());

        assertThat(groups.change(4711, AddressRule.of(1, "10.0.0.1", null, 0, null, null, null))).isFalse();
        assertThat(groups.remove(4711)).isFalse();
    }

    @OnEveryDatabase
    void removedRowNoLongerMatches(TestDatabase server) {
        AddressGroups groups = groups(server.empty());
        long id = groups.add(AddressRule.of(2, "10.10.11.12", null, 0, null, null, null));

        assertThat(groups.remove(id)).isTrue();

        assertThat(groups.sourceGroup(MEDIA_SERVER, 5060, Transport.UDP)).isEmpty();
        assertThat(groups(server.database()).list()).isEmpty();
    }

    @OnEveryDatabase
    void rowsWrittenWithSqlMatchAfterAReload(TestDatabase server) {
        Database database = server.empty();
        AddressGroups groups = groups(database);
        insert(database, "INSERT INTO address (grp, ip) VALUES (2, '10.10.11.12')");

        assertThat(groups.sourceGroup(MEDIA_SERVER, 5060, Transport.UDP)).as("before the reload").isEmpty();
        AddressReload reload = groups.reload();

        assertThat(reload.loaded()).isEqualTo(1);
        assertThat(reload.skipped()).isEmpty();
        assertThat(groups.sourceGroup(MEDIA_SERVER, 5060, Transport.UDP)).map(Match::group).hasValue(2);
        assertThat(groups.list()).singleElement().satisfies(entry -> assertThat(entry.rule())
                .isEqualTo(new AddressRule(2, MEDIA_SERVER, 32, 0, Proto.ANY, Optional.empty(), Optional.empty())));
    }

    @OnEveryDatabase
    void rowsThatCannotBeMatchedAreSkippedWithTheReason(TestDatabase server) {
        Database database = server.empty();
        insert(database, "INSERT INTO address (grp, ip, mask, port, proto, pattern) VALUES "
                + "(1, '10.0.0.1', 32, 0, 'any', NULL), "
                + "(1, 'gateway.example.com', 32, 0, 'any', NULL), "
                + "(1, '10.0.0.2', 33, 0, 'any', NULL), "
                + "(1, '2001:db8::1', 129, 0, 'any', NULL), "
                + "(1, '10.0.0.3', 32, 70000, 'any', NULL), "
                + "(1, '10.0.0.4', 32, 0, 'smtp', NULL), "
                + "(1, '10.0.0.5', 32, 0, 'any', 'sip:[0-9'), "
                + "(-1, '10.0.0.6', 32, 0, 'any', NULL)");

        AddressGroups groups = groups(database);
        AddressReload reload = groups.reload();

        assertThat(reload.loaded()).isEqualTo(1);
        assertThat(reload.skipped()).extracting(AddressReload.Skipped::reason).containsExactly(
                "ip 'gateway.example.com' is not an IPv4 or IPv6 address",
                "mask 33 is not in 0..32 for the IPv4 address 10.0.0.2",
                "mask 129 is not in 0..128 for the IPv6 address 2001:db8::1",
                "port 70000 is not in 0..65535 (0 for any)",
                "proto 'smtp' is not a transport; expected any, udp, tcp, tls, sctp, ws, wss or none",
                "pattern 'sip:[0-9' is not a wildcard pattern: the '[' at position 5 has no closing ']'",
                "grp -1 is negative; expected 0 or more");
        assertThat(groups.list()).extracting(entry -> entry.rule().ipText()).containsExactly("10.0.0.1");
        assertThat(groups.check(1, ip("10.0.0.1"), 0, Proto.ANY)).isPresent();
    }

    @OnEveryDatabase
    void skippedRowCanBeRepairedByAChange(TestDatabase server) {
        Database database = server.empty();
        insert(database, "INSERT INTO address (grp, ip, mask) VALUES (1, '10.0.0.2', 33)");
        AddressGroups groups = groups(database);
        long id = groups.reload().skipped().get(0).id();

        assertThat(groups.change(id, AddressRule.of(1, "10.0.0.2", 32, 0, null, null, null))).isTrue();

        assertThat(groups.list()).extracting(AddressEntry::id).containsExactly(id);
    }

    @OnEveryDatabase
    void valueLongerThanItsColumnIsRefusedBeforeTheDatabase(TestDatabase server) {
        AddressGroups groups = groups(server.empty());

        assertThatThrownBy(() -> groups.add(AddressRule.of(1, "10.0.0.1", null, 0, null, null, "x".repeat(33))))
                .isInstanceOf(InvalidAddressException.class)
                .hasMessage("context_info is longer than 32 characters");
        assertThatThrownBy(() -> groups.add(AddressRule.of(1, "10.0.0.1", null, 0, null, "*".repeat(65), null)))
                .hasMessage("pattern is longer than 64 characters");
        assertThat(groups.list()).isEmpty();
    }

    @Test
    void badRowIsRefusedWithTheFieldAndTheReason() {
        assertThatThrownBy(() -> AddressRule.of(1, "", null, 0, null, null, null))
                .isInstanceOf(InvalidAddressException.class)
                .hasMessage("ip is missing; expected an IPv4 or IPv6 address");
        assertThatThrownBy(() -> AddressRule.of(1, "10.0.0.300", null, 0, null, null, null))
                .hasMessage("ip '10.0.0.300' is not an IPv4 or IPv6 address");
        assertThatThrownBy(() -> AddressRule.of(1, "10.0.0.1", -1, 0, null, null, null))
                .hasMessage("mask -1 is not in 0..32 for the IPv4 address 10.0.0.1");
        assertThatThrownBy(() -> AddressRule.of(1, "10.0.0.1", null, -1, null, null, null))
                .hasMessage("port -1 is not in 0..65535 (0 for any)");
        assertThatThrownBy(() -> AddressRule.of(1, "10.0.0.1", null, 0, "http", null, null))
                .hasMessageStartingWith("proto 'http' is not a transport");
        assertThatThrownBy(() -> AddressRule.of(1, "10.0.0.1", null, 0, null, "abc\\", null))
                .hasMessage("pattern 'abc\\' is not a wildcard pattern: the backslash at the end escapes nothing");
    }

    @Test
    void ruleTakesOpenSipsDefaultsAndSpellings() {
        AddressRule host6 = AddressRule.of(0, "[2001:DB8:0::1]", null, 0, "", "", "");

        assertThat(host6.mask()).as("one host").isEqualTo(128);
        assertThat(host6.ipText()).isEqualTo("2001:db8::1");
        assertThat(host6.proto()).as("empty is any").isEqualTo(Proto.ANY);
        assertThat(host6.pattern()).as("empty is none").isEmpty();
        assertThat(host6.contextInfo()).isEmpty();
        assertThat(AddressRule.of(0, "10.0.0.1", null, 0, "UDP", null, null).proto()).isEqualTo(Proto.UDP);
    }

    private static AddressGroups groups(Database database) {
        return Beans.constructed(new AddressGroups(database));
    }

    private static void insert(Database database, String sql) {
        database.run(em -> em.createNativeQuery(sql).executeUpdate());
    }

    private static InetAddress ip(String literal) {
        return IpAddresses.parseLiteral(literal).orElseThrow();
    }
}

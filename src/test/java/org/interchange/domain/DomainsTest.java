package org.interchange.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.interchange.core.Beans;
import org.interchange.core.TestConfiguration;
import org.interchange.core.persistence.Database;
import org.interchange.core.persistence.OnEveryDatabase;
import org.interchange.core.persistence.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainsTest {

    private static final String LISTENERS = """
            listener.public = udp:127.0.0.1:5060 advertise 203.0.113.4
            listener.v6 = udp:[2001:db8::4]:5060
            """;

    @TempDir
    Path directory;

    @Test
    void configuredDomainsAreServedAndTheFirstIsTheDefault() {
        Domains domains = domains(TestDatabase.H2.empty(), "domains = example.com, EXAMPLE.net");

        assertThat(domains.served()).containsExactly("example.com", "example.net");
        assertThat(domains.defaultDomain()).isEqualTo("example.com");
        assertThat(domains.isLocal("Example.NET")).isTrue();
        assertThat(domains.servedDomain("example.net")).hasValue("example.net");
        assertThat(domains.isLocal("example.org")).isFalse();
        assertThat(domains.servedDomain("example.org")).isEmpty();
    }

    @Test
    void aliasStandsForTheDefaultDomain() {
        Domains domains = domains(TestDatabase.H2.empty(), """
                domains = example.com, example.net
                aliases = sip.example.com
                """);

        assertThat(domains.isAlias("SIP.example.com")).isTrue();
        assertThat(domains.isLocal("sip.example.com")).isTrue();
        assertThat(domains.servedDomain("sip.example.com")).hasValue("example.com");
        assertThat(domains.isAlias("example.com")).isFalse();
    }

    @Test
    void listenerAddressesAndAdvertisedHostsAreAliases() {
        Domains domains = domains(TestDatabase.H2.empty(), "domains = example.com");

        assertThat(domains.isAlias("127.0.0.1")).isTrue();
        assertThat(domains.isAlias("203.0.113.4")).isTrue();
        assertThat(domains.servedDomain("127.0.0.1")).hasValue("example.com");
        assertThat(domains.isAlias("127.0.0.2")).isFalse();
    }

    @Test
    void ipv6AliasesMatchWhateverTheirSpelling() {
        Domains domains = domains(TestDatabase.H2.empty(), """
                domains = example.com
                aliases = [2001:DB8:0:0::5]
                """);

        assertThat(domains.isAlias("[2001:db8::5]")).isTrue();
        assertThat(domains.isAlias("2001:0db8:0:0:0:0:0:5")).isTrue();
        assertThat(domains.isAlias("[2001:db8::4]")).as("a listener's").isTrue();
        assertThat(domains.isAlias("2001:db8::6")).isFalse();
    }

    @OnEveryDatabase
    void addedDomainIsServedAfterTheConfiguredOnesAndKept(TestDatabase server) {
        Domains domains = domains(server.empty(), "domains = example.com");

        assertThat(domains.add("Example.ORG")).isTrue();

        assertThat(domains.served()).containsExactly("example.com", "example.org");
        assertThat(domains.servedDomain("example.org")).hasValue("example.org");
        assertThat(domains(server.database(), "domains = example.com").served())
                .as("after a restart").containsExactly("example.com", "example.org");
    }

    @OnEveryDatabase
    void domainServedAlreadyIsNotAddedAgain(TestDatabase server) {
        Domains domains = domains(server.empty(), "domains = example.com");
        domains.add("example.org");

        assertThat(domains.add("example.org")).isFalse();
        assertThat(domains.add("EXAMPLE.com")).isFalse();
        assertThat(domains.served()).containsExactly("example.com", "example.org");
    }

    @OnEveryDatabase
    void onlyDomainsOfTheTableAreRemoved(TestDatabase server) {
        Domains domains = domains(server.empty(), "domains = example.com");
        domains.add("example.org");

        assertThat(domains.remove("example.org")).isTrue();
        assertThat(domains.remove("example.com")).isFalse();

        assertThat(domains.served()).containsExactly("example.com");
        assertThat(domains(server.database(), "domains = example.com").served()).containsExactly("example.com");
    }

    @OnEveryDatabase
    void domainsOfTheTableAloneAreEnough(TestDatabase server) {
        domains(server.empty(), "domains = example.com").add("example.org");

        Domains fromTableOnly = domains(server.database(), "");

        assertThat(fromTableOnly.defaultDomain()).isEqualTo("example.org");
    }

    @Test
    void routerWithoutAnyDomainDoesNotStart() {
        Database empty = TestDatabase.H2.empty();

        assertThatThrownBy(() -> domains(empty, ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no served domain");
    }

    private Domains domains(Database database, String properties) {
        return Beans.constructed(new Domains(TestConfiguration.load(directory, properties + "\n" + LISTENERS), database));
    }
}

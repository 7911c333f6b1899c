package org.interchange.container.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

import javax.sip.address.AddressFactory;
import javax.sip.address.Hop;
import javax.sip.address.SipURI;

import org.interchange.container.config.Transport;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.SRVRecord;

import gov.nist.javax.sip.address.AddressFactoryImpl;

class BoundedDnsServerLocatorTest {

    private static final DnsSettings SETTINGS = new DnsSettings(List.of(new InetSocketAddress("127.0.0.1", 53)),
            Duration.ofMillis(100), Duration.ofMillis(300), 100, Duration.ofSeconds(60), 10, 4);

    private final AddressFactory addresses = new AddressFactoryImpl();
    private final ZoneResolver zone = new ZoneResolver().with(
            new SRVRecord(Rfc3263ResolverTest.name("_sip._tcp.example.test."), DClass.IN, 300, 10, 0, 5070,
                    Rfc3263ResolverTest.name("a.example.test.")),
            new SRVRecord(Rfc3263ResolverTest.name("_sip._tcp.example.test."), DClass.IN, 300, 20, 0, 5071,
                    Rfc3263ResolverTest.name("b.example.test.")),
            a("a.example.test.", "192.0.2.1"), a("b.example.test.", "192.0.2.2"));
    private final BoundedDnsServerLocator locator = new BoundedDnsServerLocator(new Rfc3263Resolver(zone, SETTINGS,
            List.of(Transport.UDP, Transport.TCP), Clock.systemUTC(), RandomGenerator.getDefault()));

    @Test
    void mssGetsEveryServerInOrderForItsFailover() throws Exception {
        SipURI uri = addresses.createSipURI("bob", "example.test");
        uri.setTransportParam("tcp");

        assertThat(locator.locateHops(uri)).extracting(Hop::toString)
                .containsExactly("192.0.2.1:5070/TCP", "192.0.2.2:5071/TCP");
    }

    @Test
    void aNameThatDoesNotResolveGivesMssNoHop() throws Exception {
        assertThat(locator.locateHops(addresses.createSipURI("bob", "nowhere.test"))).isEmpty();
    }

    @Test
    void theRoutersOwnHostNamesAreNotLookedUp() throws Exception {
        locator.mapLocalHostNameToIP("router.test", Set.of("192.0.2.100"));

        assertThat(locator.locateHops(addresses.createSipURI(null, "router.test"))).extracting(Hop::toString)
                .containsExactly("192.0.2.100:5060/UDP");
        assertThat(zone.asked).isEmpty();
    }

    @Test
    void anIpv6ServerComesInBracketsAsMssPutsItInARouteUri() {
        assertThat(locator.locateHopsForNonNumericAddressWithPort("2001:db8::7", 5060, "udp"))
                .extracting(Hop::getHost).containsExactly("[2001:db8::7]");
    }

    private static ARecord a(String owner, String address) {
        try {
            return new ARecord(Rfc3263ResolverTest.name(owner), DClass.IN, 300, InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

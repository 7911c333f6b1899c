package org.interchange.container.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cases of RFC 5952 section 4, which IPv6 aliases and listener sockets are compared in. */
class IpAddressesTest {

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({
            // 4.1: leading zeros are dropped
            "2001:0db8::0001, 2001:db8::1",
            // 4.2.1: '::' shortens as much as possible
            "2001:db8:0:0:0:0:2:1, 2001:db8::2:1",
            // 4.2.2: a single zero field is not shortened
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            // 4.2.3: the longest run is shortened; on a tie, the first
            "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            // 4.3: lower case
            "2001:DB8::A:B, 2001:db8::a:b",
            // runs at either end
            "0:0:0:0:0:0:0:1, ::1",
            "0:0:0:0:0:0:0:0, ::",
            "2001:db8:0:0:0:0:0:0, 2001:db8::",
            // no scope
            "fe80::1%1, fe80::1",
            // IPv4 stays dotted
            "192.0.2.1, 192.0.2.1",
    })
    void addressIsWrittenInItsCanonicalForm(String literal, String canonical) throws UnknownHostException {
        assertThat(IpAddresses.text(InetAddress.getByName(literal))).isEqualTo(canonical);
    }

    @Test
    void literalsNeverLookNamesUp() {
        assertThat(IpAddresses.parseLiteral("localhost")).isEmpty();
        assertThat(IpAddresses.parseLiteral("[::1]")).isPresent();
        assertThat(IpAddresses.parseLiteral("198.51.100.7")).isPresent();
    }
}

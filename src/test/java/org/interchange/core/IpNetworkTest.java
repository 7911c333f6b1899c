package org.interchange.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpNetworkTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "203.0.113.0/24, 203.0.113.77, true",
            "203.0.113.0/24, 203.0.114.1, false",
            "10.0.0.0/8, 10.255.255.255, true",
            "192.0.2.16/28, 192.0.2.31, true",
            "192.0.2.16/28, 192.0.2.32, false",
            "198.51.100.7, 198.51.100.7, true",
            "198.51.100.7, 198.51.100.8, false",
            "0.0.0.0/0, 198.51.100.8, true",
            "2001:db8::/32, 2001:db8:ffff::1, true",
            "2001:db8::/32, 2001:db9::1, false",
            "2001:db8::/32, [2001:db8::1], true",
            "::1, ::1, true",
            "203.0.113.0/24, ::ffff:203.0.113.1, true",
            "2001:db8::/32, 203.0.113.1, false",
            "203.0.113.0/24, 2001:db8::1, false",
            "203.0.113.0/24, sip.example.com, false",
    })
    void networkContainsAddressesOfItsPrefix(String network, String address, boolean contained) {
        assertThat(IpNetwork.parse(network).contains(address)).isEqualTo(contained);
    }

    @Test
    void bareAddressIsAHostNetwork() {
        assertThat(IpNetwork.parse("198.51.100.7")).hasToString("198.51.100.7/32");
        assertThat(IpNetwork.parse("2001:db8::7").prefixLength()).isEqualTo(128);
    }

    @Test
    void hostNamesAreNotNetworks() {
        assertThatThrownBy(() -> IpNetwork.parse("localhost/8"))
                .hasMessage("'localhost/8' is not an IP address or network");
    }

    @Test
    void prefixLengthMustFitTheFamily() {
        assertThatThrownBy(() -> IpNetwork.parse("10.0.0.0/33")).hasMessage("prefix length /33 is not in 0..32");
        assertThatThrownBy(() -> IpNetwork.parse("10.0.0.0/x"))
                .hasMessage("'10.0.0.0/x': the prefix length is not a number");
    }
}

package org.interchange.core.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NameAddressTest {

    @Test
    void nameAddrWithDisplayNameAndParameters() {
        NameAddress address = NameAddress.parse("\"Alice Liddell\" <sip:alice@example.com;transport=tcp>;tag=1928301774;X-Flag");

        assertThat(address.displayName()).hasValue("Alice Liddell");
        assertThat(address.uri()).isEqualTo("sip:alice@example.com;transport=tcp");
        assertThat(address.tag()).hasValue("1928301774");
        assertThat(address.param("x-flag")).hasValue("");
        assertThat(address.params()).containsOnlyKeys("tag", "x-flag");
    }

    @Test
    void addrSpecWithoutBracketsTakesParametersAsHeaderParameters() {
        NameAddress address = NameAddress.parse("sip:bob@example.com;tag=a6c85cf");

        assertThat(address.displayName()).isEmpty();
        assertThat(address.uri()).isEqualTo("sip:bob@example.com");
        assertThat(address.tag()).hasValue("a6c85cf");
    }

    @Test
    void otherSchemesAreKeptAsText() {
        NameAddress address = NameAddress.parse("<tel:+15551234567>");

        assertThat(address.uri()).isEqualTo("tel:+15551234567");
        assertThatThrownBy(address::sipUri).isInstanceOf(SipSyntaxException.class);
    }

    @Test
    void sipUriIsParsedOnDemand() {
        assertThat(NameAddress.parse("<sip:alice@Example.COM>").sipUri().host()).isEqualTo("example.com");
    }

    @Test
    void wildcardAndListsAreNotAnAddress() {
        assertThatThrownBy(() -> NameAddress.parse("*")).isInstanceOf(SipSyntaxException.class);
        assertThatThrownBy(() -> NameAddress.parse("<sip:a@example.com>, <sip:b@example.com>"))
                .isInstanceOf(SipSyntaxException.class);
    }

    @Test
    void malformedAddressIsASyntaxError() {
        assertThatThrownBy(() -> NameAddress.parse("<sip:alice@example.com"))
                .isInstanceOf(SipSyntaxException.class)
                .hasMessageStartingWith("malformed address");
    }
}

package org.interchange.core.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SipUriTest {

    @Test
    void partsOfASipUri() {
        SipUri uri = SipUri.parse("sip:alice@AtLanTa.CoM:5070;transport=TCP;lr");

        assertThat(uri.scheme()).isEqualTo("sip");
        assertThat(uri.user()).hasValue("alice");
        assertThat(uri.host()).isEqualTo("atlanta.com");
        assertThat(uri.port()).hasValue(5070);
        assertThat(uri.transport()).hasValue("tcp");
        assertThat(uri.param("lr")).hasValue("");
        assertThat(uri.param("maddr")).isEmpty();
        assertThat(uri.hasHeaders()).isFalse();
    }

    @Test
    void uriWithoutUserOrPort() {
        SipUri uri = SipUri.parse("sips:example.com");

        assertThat(uri.scheme()).isEqualTo("sips");
        assertThat(uri.user()).isEmpty();
        assertThat(uri.port()).isEmpty();
    }

    @Test
    void ipv6HostComesWithoutBrackets() {
        assertThat(SipUri.parse("sip:bob@[2001:db8::7]:5060").host()).isEqualTo("2001:db8::7");
    }

    @Test
    void userKeepsItsEscapes() {
        assertThat(SipUri.parse("sip:%61lice@atlanta.com").user()).hasValue("%61lice");
    }

    @Test
    void escapedHeadersAreNoticed() {
        assertThat(SipUri.parse("sip:alice@atlanta.com?subject=project%20x").hasHeaders()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip:alice@atlanta.com", "SIP:alice@atlanta.com", " sips:atlanta.com"})
    void sipAndSipsAreSipSchemes(String uri) {
        assertThat(SipUri.hasSipScheme(uri)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tel:+15551234567", "mailto:alice@atlanta.com", "sipx:alice@atlanta.com"})
    void otherSchemesAreRefused(String uri) {
        assertThat(SipUri.hasSipScheme(uri)).isFalse();
        assertThatThrownBy(() -> SipUri.parse(uri)).isInstanceOf(SipSyntaxException.class)
                .hasMessageStartingWith("not a sip or sips URI");
    }

    @Test
    void malformedUriIsASyntaxError() {
        assertThatThrownBy(() -> SipUri.parse("sip:alice@atlanta.com:port"))
                .isInstanceOf(SipSyntaxException.class);
    }

    /** RFC 3261 section 19.1.4: URIs that are equivalent. */
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "sip:%61lice@atlanta.com;transport=TCP | sip:alice@AtLanTa.CoM;Transport=tcp",
            "sip:carol@chicago.com | sip:carol@chicago.com;newparam=5",
            "sip:carol@chicago.com | sip:carol@chicago.com;security=on",
            "sip:carol@chicago.com;newparam=5 | sip:carol@chicago.com;security=on",
            "sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com"
                    + " | sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com",
            "sip:alice@atlanta.com?subject=project%20x&priority=urgent"
                    + " | sip:alice@atlanta.com?priority=urgent&subject=project%20x",
    })
    void equivalentUris(String one, String other) {
        assertThat(SipUri.parse(one).sameAs(SipUri.parse(other))).isTrue();
        assertThat(SipUri.parse(other).sameAs(SipUri.parse(one))).isTrue();
    }

    /** RFC 3261 section 19.1.4: URIs that are not equivalent, with the reason the RFC gives. */
    @ParameterizedTest(name = "{0} is not {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "SIP:ALICE@AtLanTa.CoM;Transport=udp | sip:alice@AtLanTa.CoM;Transport=UDP | different user names",
            "sip:bob@biloxi.com | sip:bob@biloxi.com:5060 | a URI without port can resolve to another port",
            "sip:bob@biloxi.com | sip:bob@biloxi.com;transport=udp | a URI without transport can resolve to another",
            "sip:bob@biloxi.com | sip:bob@biloxi.com:6000;transport=tcp | port and transport",
            "sip:carol@chicago.com | sip:carol@chicago.com?Subject=next%20meeting | a header field only on one side",
            "sip:bob@phone21.boxesbybob.com | sip:bob@192.0.2.4 | a name is not its address",
            "sip:carol@chicago.com;security=on | sip:carol@chicago.com;security=off | equivalence is not transitive",
    })
    void differentUris(String one, String other, String reason) {
        assertThat(SipUri.parse(one).sameAs(SipUri.parse(other))).as(reason).isFalse();
        assertThat(SipUri.parse(other).sameAs(SipUri.parse(one))).as(reason).isFalse();
    }
}

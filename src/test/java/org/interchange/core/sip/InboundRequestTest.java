package org.interchange.core.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InboundRequestTest {

    @Test
    void fieldsEveryRequestHas() {
        InboundRequest request = SipRequests.parse("""
                INVITE sip:bob@example.com SIP/2.0
                From: "Alice" <sip:alice@example.com>;tag=1928301774
                To: <sip:bob@example.com>
                Call-ID: a84b4c76e66710@pc33.example.com
                CSeq: 314159 INVITE
                User-Agent: Phone/1.0
                """);

        assertThat(request.from().tag()).hasValue("1928301774");
        assertThat(request.to().uri()).isEqualTo("sip:bob@example.com");
        assertThat(request.callId()).isEqualTo("a84b4c76e66710@pc33.example.com");
        assertThat(request.cseq()).isEqualTo(314159);
        assertThat(request.userAgent()).hasValue("Phone/1.0");
    }

    @Test
    void missingRequiredFieldIsASyntaxError() {
        InboundRequest request = SipRequests.parse("""
                OPTIONS sip:example.com SIP/2.0
                To: <sip:example.com>
                """);

        assertThatThrownBy(request::from).isInstanceOf(SipSyntaxException.class).hasMessage("missing From");
        assertThatThrownBy(request::callId).isInstanceOf(SipSyntaxException.class).hasMessage("missing Call-ID");
    }

    @Test
    void cseqThatIsNoNumberIsASyntaxError() {
        InboundRequest request = SipRequests.parse("""
                OPTIONS sip:example.com SIP/2.0
                CSeq: one OPTIONS
                """);

        assertThatThrownBy(request::cseq).isInstanceOf(SipSyntaxException.class).hasMessage("bad CSeq one OPTIONS");
    }
}

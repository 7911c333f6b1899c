package org.interchange.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;

import javax.sip.SipFactory;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.jupiter.api.Test;
import org.mobicents.servlet.sip.message.SipFactoryImpl;
import org.mobicents.servlet.sip.message.SipServletResponseImpl;

/**
 * Header fields appended to a real MSS response, built outside the container around a JAIN-SIP response, and read
 * back through the servlet API.
 */
class SipHeaderFieldsTest {

    @Test
    void severalChallengesAreKeptInOrder() throws Exception {
        SipServletResponseImpl response = unauthorized();

        SipHeaderFields.append(response, "WWW-Authenticate", "Digest realm=\"example.com\", nonce=\"n\", algorithm=SHA-256");
        SipHeaderFields.append(response, "WWW-Authenticate", "Digest realm=\"example.com\", nonce=\"n\", algorithm=MD5");

        assertThat(values(response.getHeaders("WWW-Authenticate")))
                .hasSize(2)
                .satisfiesExactly(first -> assertThat(first).contains("algorithm=SHA-256"),
                        second -> assertThat(second).contains("algorithm=MD5"));
    }

    @Test
    void singleValuedFieldsAreAppended() throws Exception {
        SipServletResponseImpl response = unauthorized();

        SipHeaderFields.append(response, "Min-Expires", "60");
        SipHeaderFields.append(response, "Date", "Sun, 22 Nov 2026 06:43:46 GMT");
        SipHeaderFields.append(response, "Retry-After", "30");

        assertThat(response.getHeader("Min-Expires")).isEqualTo("60");
        assertThat(response.getHeader("Date")).isEqualTo("Sun, 22 Nov 2026 06:43:46 GMT");
        assertThat(response.getHeader("Retry-After")).isEqualTo("30");
    }

    @Test
    void contactsKeepTheirParameters() throws Exception {
        SipServletResponseImpl response = unauthorized();

        SipHeaderFields.append(response, "Contact", "<sip:alice@198.51.100.7:5060>;expires=3600;q=0.5");
        SipHeaderFields.append(response, "Contact", "<sip:alice@[2001:db8::7]:5060>;expires=60;q=1.0");

        assertThat(values(response.getHeaders("Contact"))).containsExactly(
                "<sip:alice@198.51.100.7:5060>;expires=3600;q=0.5",
                "<sip:alice@[2001:db8::7]:5060>;expires=60;q=1.0");
    }

    @Test
    void commaSeparatedListBecomesOneValueEach() throws Exception {
        SipServletResponseImpl response = unauthorized();

        SipHeaderFields.append(response, "Allow", "OPTIONS, REGISTER");

        assertThat(values(response.getHeaders("Allow"))).containsExactly("OPTIONS", "REGISTER");
    }

    @Test
    void valueThatDoesNotParseIsRefused() throws Exception {
        SipServletResponseImpl response = unauthorized();

        assertThatThrownBy(() -> SipHeaderFields.append(response, "Min-Expires", "soon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad Min-Expires value 'soon'");
    }

    private static SipServletResponseImpl unauthorized() throws Exception {
        SipFactory sip = SipFactory.getInstance();
        sip.setPathName("gov.nist");
        Response response = sip.createMessageFactory().createResponse(401, register(sip));
        return new SipServletResponseImpl(response, new SipFactoryImpl(), null, null, null, false, false) {
            private static final long serialVersionUID = 1L;
        };
    }

    private static Request register(SipFactory sip) throws ParseException, javax.sip.PeerUnavailableException,
            javax.sip.InvalidArgumentException {
        AddressFactory addresses = sip.createAddressFactory();
        HeaderFactory headers = sip.createHeaderFactory();
        MessageFactory messages = sip.createMessageFactory();
        var aor = addresses.createAddress("sip:alice@example.com");
        return messages.createRequest(addresses.createURI("sip:example.com"), Request.REGISTER,
                headers.createCallIdHeader("call-1"), headers.createCSeqHeader(1L, Request.REGISTER),
                headers.createFromHeader(aor, "tag-1"), headers.createToHeader(aor, null),
                List.of(headers.createViaHeader("198.51.100.7", 5060, "UDP", "z9hG4bK-1")),
                headers.createMaxForwardsHeader(70));
    }

    private static List<String> values(ListIterator<String> iterator) {
        List<String> values = new ArrayList<>();
        iterator.forEachRemaining(values::add);
        return values;
    }
}

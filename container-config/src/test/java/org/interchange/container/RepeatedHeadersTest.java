package org.interchange.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** What the router reads of a request's raw bytes: its SIP version, and a single-valued header field repeated. */
class RepeatedHeadersTest {

    private static final String REQUEST = """
            OPTIONS sip:router.example.com SIP/2.0\r
            Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r
            To: <sip:router.example.com>\r
            From: <sip:alice@example.com>;tag=1\r
            Call-ID: a1@192.0.2.1\r
            CSeq: 1 OPTIONS\r
            Max-Forwards: 70\r
            Content-Length: 0\r
            \r
            """;

    @Test
    void aRequestWithEachFieldOnceRepeatsNone() {
        assertThat(RepeatedHeaders.firstRepeatedSingleton(bytes(REQUEST))).isNull();
    }

    @Test
    void aFieldRepeatedInItsCompactFormOrAnotherCaseIsFound() {
        assertThat(repeated("i: a2@192.0.2.1\r\n")).isEqualTo("Call-ID");
        assertThat(repeated("TO: <sip:bob@example.com>\r\n")).isEqualTo("To");
        assertThat(repeated("l : 0\r\n")).as("space before the colon").isEqualTo("Content-Length");
        assertThat(repeated("cseq: 2 OPTIONS\r\n")).isEqualTo("CSeq");
        assertThat(repeated("Max-Forwards: 69\r\n")).isEqualTo("Max-Forwards");
    }

    @Test
    void fieldsThatMayRepeatContinuationLinesAndTheBodyCountForNothing() {
        assertThat(repeated("Via: SIP/2.0/UDP 192.0.2.2;branch=z9hG4bK2\r\n")).isNull();
        assertThat(repeated("Subject: a\r\n To: folded into the subject\r\n")).isNull();
        assertThat(RepeatedHeaders.firstRepeatedSingleton(bytes(REQUEST + "To: in the body\r\n"))).isNull();
    }

    @Test
    void bareLineFeedsEndLinesToo() {
        assertThat(RepeatedHeaders.firstRepeatedSingleton(bytes(REQUEST.replace("\r\n", "\n")
                .replace("Content-Length: 0\n", "Content-Length: 0\nFrom: <sip:eve@example.com>\n")))).isEqualTo("From");
    }

    @Test
    void theVersionIsReadFromTheEndOfTheRequestLine() {
        assertThat(RepeatedHeaders.isSip20(bytes(REQUEST))).isTrue();
        assertThat(RepeatedHeaders.isSip20(bytes(REQUEST.replace("SIP/2.0\r\nVia", "sip/2.0  \r\nVia")))).isTrue();
        assertThat(RepeatedHeaders.isSip20(bytes(REQUEST.replace("SIP/2.0\r\nVia", "SIP/7.0\r\nVia")))).isFalse();
        assertThat(RepeatedHeaders.isSip20(bytes(REQUEST.replace("SIP/2.0\r\nVia", "XSIP/2.0\r\nVia")))).isFalse();
    }

    private static String repeated(String extraHeaders) {
        return RepeatedHeaders.firstRepeatedSingleton(bytes(REQUEST.replace("Content-Length: 0\r\n",
                "Content-Length: 0\r\n" + extraHeaders)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

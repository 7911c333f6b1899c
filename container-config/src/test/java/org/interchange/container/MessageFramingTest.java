package org.interchange.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Bytes of a TCP stream as they arrive, in pieces. */
class MessageFramingTest {

    private final MessageFraming framing = new MessageFraming();

    @Test
    void keepAlivesAreNoMessage() {
        feed("\r\n\r\n");

        assertThat(framing.inMessage()).isFalse();
    }

    @Test
    void aMessageLastsFromItsFirstByteToItsEmptyLine() {
        feed("O");
        assertThat(framing.inMessage()).isTrue();

        feed("PTIONS sip:r SIP/2.0\r\nVia: SIP/2.0/TCP h\r\n");
        assertThat(framing.inMessage()).isTrue();

        feed("\r\n");
        assertThat(framing.inMessage()).isFalse();
    }

    @Test
    void aBodyOfContentLengthBytesBelongsToTheMessage() {
        feed("MESSAGE sip:r SIP/2.0\r\nContent-Length: 5\r\n\r\nhel");
        assertThat(framing.inMessage()).isTrue();

        feed("lo");
        assertThat(framing.inMessage()).isFalse();
    }

    @Test
    void theCompactFormAndLineFeedsAloneFrameToo() {
        feed("MESSAGE sip:r SIP/2.0\nl : 2\n\nab");

        assertThat(framing.inMessage()).isFalse();
    }

    @Test
    void theNextMessageStartsAfterTheBody() {
        feed("MESSAGE sip:r SIP/2.0\r\nContent-Length: 2\r\n\r\nabOPT");

        assertThat(framing.inMessage()).isTrue();
    }

    @Test
    void eachMessageStartedIsCounted() {
        feed("OPTIONS sip:r SIP/2.0\r\n\r\n\r\nOPTIONS sip:r SIP/2.0\r\n\r\nO");

        assertThat(framing.messagesStarted()).isEqualTo(3);
    }

    @Test
    void anUnreadableContentLengthCountsAsNoBody() {
        feed("MESSAGE sip:r SIP/2.0\r\nContent-Length: lots\r\n\r\n");

        assertThat(framing.inMessage()).isFalse();
    }

    @Test
    void aLongHeaderLineIsOnlyPartlyKept() {
        feed("INVITE sip:r SIP/2.0\r\nSubject: " + "x".repeat(100_000) + "\r\nContent-Length: 1\r\n\r\n");

        assertThat(framing.inMessage()).isTrue();
        feed("z");
        assertThat(framing.inMessage()).isFalse();
    }

    private void feed(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        framing.consume(bytes, 0, bytes.length);
    }
}

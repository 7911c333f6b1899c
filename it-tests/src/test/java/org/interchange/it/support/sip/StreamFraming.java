package org.interchange.it.support.sip;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cuts SIP messages out of a byte stream (RFC 3261 18.3): the header up to the blank line, then Content-Length bytes. */
final class StreamFraming {

    /** CR LF CR LF, as the last four bytes read. */
    private static final int BLANK_LINE = 0x0d0a0d0a;
    private static final Pattern CONTENT_LENGTH =
            Pattern.compile("^(?:content-length|l)[ \\t]*:[ \\t]*(\\d+)", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private StreamFraming() {
    }

    /** The next message, or null when the stream ends between messages. */
    static byte[] next(InputStream in) throws IOException {
        int b;
        do { // CRLF keep-alives may come between messages (RFC 5626 3.5.1)
            b = in.read();
            if (b < 0) {
                return null;
            }
        } while (b == '\r' || b == '\n');
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.write(b);
        int lastFour = b;
        while (lastFour != BLANK_LINE) {
            b = in.read();
            if (b < 0) {
                throw new EOFException("the stream ended inside a message header: " + message);
            }
            message.write(b);
            lastFour = (lastFour << 8) | b;
        }
        Matcher length = CONTENT_LENGTH.matcher(message.toString(StandardCharsets.UTF_8));
        int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
        byte[] body = in.readNBytes(bodyLength);
        if (body.length < bodyLength) {
            throw new EOFException("the stream ended inside a message body");
        }
        message.write(body);
        return message.toByteArray();
    }
}

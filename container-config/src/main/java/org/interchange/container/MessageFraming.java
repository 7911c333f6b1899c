package org.interchange.container;

import java.util.Locale;

/**
 * Where a TCP or TLS byte stream stands between SIP messages (RFC 3261 18.3): outside a message (CRLF keep-alives
 * included), or inside one, from its first byte until its headers and the Content-Length bytes of its body have
 * arrived. {@link WatchedInputStream} gives a message started a deadline by it.
 *
 * <p>It frames as JAIN-SIP's parser does (headers end at an empty line, CR optional; the body is Content-Length or
 * {@code l} bytes, none when absent or unreadable), but only watches: a message it misjudges is still parsed, and at
 * worst closed for being slow. Only the length of a line it needs is kept, so its memory is bounded. Not thread-safe:
 * the connection's reader thread owns it.
 */
final class MessageFraming {

    /** Enough of a header line for "content-length" and a value of up to ten digits with some spaces. */
    private static final int KEPT_LINE_LENGTH = 64;

    private enum State { BETWEEN_MESSAGES, HEADERS, BODY }

    private State state = State.BETWEEN_MESSAGES;
    private final StringBuilder line = new StringBuilder(KEPT_LINE_LENGTH);
    private boolean lineEmpty = true;
    private long contentLength;
    private long bodyLeft;
    private long messagesStarted;

    /** Takes bytes that arrived, in order. */
    void consume(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            consume(bytes[i]);
        }
    }

    /** How many messages have started so far: a change tells that the message in progress is another one. */
    long messagesStarted() {
        return messagesStarted;
    }

    /** Whether the bytes so far end inside a message. */
    boolean inMessage() {
        return state != State.BETWEEN_MESSAGES;
    }

    private void consume(byte b) {
        switch (state) {
            case BETWEEN_MESSAGES -> {
                if (b != '\r' && b != '\n') {
                    state = State.HEADERS;
                    messagesStarted++;
                    contentLength = 0;
                    startLine();
                    keep(b);
                }
            }
            case HEADERS -> {
                if (b == '\n') {
                    endLine();
                } else if (b != '\r') {
                    keep(b);
                }
            }
            case BODY -> {
                if (--bodyLeft == 0) {
                    state = State.BETWEEN_MESSAGES;
                }
            }
        }
    }

    private void endLine() {
        if (lineEmpty) {
            bodyLeft = contentLength;
            state = bodyLeft > 0 ? State.BODY : State.BETWEEN_MESSAGES;
            return;
        }
        readContentLength(line.toString());
        startLine();
    }

    private void startLine() {
        line.setLength(0);
        lineEmpty = true;
    }

    private void keep(byte b) {
        lineEmpty = false;
        if (line.length() < KEPT_LINE_LENGTH) {
            line.append((char) (b & 0xFF));
        }
    }

    private void readContentLength(String header) {
        int colon = header.indexOf(':');
        if (colon < 0) {
            return;
        }
        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        if (!name.equals("content-length") && !name.equals("l")) {
            return;
        }
        try {
            contentLength = Math.max(0, Long.parseLong(header.substring(colon + 1).trim()));
        } catch (NumberFormatException unreadable) {
            contentLength = 0; // the parser rejects the message; its connection is then watched as idle
        }
    }
}

package org.interchange.core.sip;

/**
 * Requests as beans receive them, written as SIP text: a request line, then one header field per line. A field
 * repeated on several lines has several values, as the container hands them over.
 */
public final class SipRequests {

    /** Where test requests come from unless a test says otherwise: a user agent on the documentation network. */
    public static final Endpoint USER_AGENT = Endpoint.parse("udp:198.51.100.7:5060");
    /** The listener test requests arrive on. */
    public static final Endpoint LISTENER = Endpoint.parse("udp:127.0.0.1:5060");

    private SipRequests() {
    }

    /** An initial request from {@link #USER_AGENT} to {@link #LISTENER}. */
    public static InboundRequest parse(String text) {
        return parse(text, USER_AGENT);
    }

    /** An initial request from {@code source} to {@link #LISTENER}. */
    public static InboundRequest parse(String text, Endpoint source) {
        String[] lines = text.strip().split("\r?\n");
        String[] requestLine = lines[0].trim().split(" ");
        if (requestLine.length != 3 || !requestLine[2].equals("SIP/2.0")) {
            throw new IllegalArgumentException("not a request line: " + lines[0]);
        }
        SipHeaders.Builder headers = SipHeaders.builder();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("not a header field: " + line);
            }
            headers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        return new InboundRequest(requestLine[0], requestLine[1], headers.build(), source, LISTENER, true);
    }
}

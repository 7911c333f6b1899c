package org.interchange.it.support.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request to send, built from its parts: method, Request-URI, header fields in order, body. Immutable: each
 * {@code with...} returns a changed copy. Encoded exactly as built; only a missing Content-Length is added, so a
 * test can send a wrong one on purpose.
 */
public final class SipRequest {

    private static final Pattern BRANCH = Pattern.compile(";\\s*branch\\s*=\\s*([^;,\\s]+)", Pattern.CASE_INSENSITIVE);

    private final String method;
    private final String requestUri;
    private final List<Header> headers;
    private final String body;

    /** One header field line. */
    public record Header(String name, String value) {
    }

    private SipRequest(String method, String requestUri, List<Header> headers, String body) {
        this.method = method;
        this.requestUri = requestUri;
        this.headers = List.copyOf(headers);
        this.body = body;
    }

    /** A request with no header fields yet. */
    public static SipRequest of(String method, String requestUri) {
        return new SipRequest(method, requestUri, List.of(), "");
    }

    /** This request with one more header field, after the others. */
    public SipRequest with(String name, String value) {
        List<Header> more = new ArrayList<>(headers);
        more.add(new Header(name, value));
        return new SipRequest(method, requestUri, more, body);
    }

    /** This request with {@code name} set to the one value, where its first occurrence was (else last). */
    public SipRequest replacing(String name, String value) {
        List<Header> replaced = new ArrayList<>();
        boolean placed = false;
        for (Header header : headers) {
            if (!header.name().equalsIgnoreCase(name)) {
                replaced.add(header);
            } else if (!placed) {
                replaced.add(new Header(name, value));
                placed = true;
            }
        }
        if (!placed) {
            replaced.add(new Header(name, value));
        }
        return new SipRequest(method, requestUri, replaced, body);
    }

    /** This request without any {@code name} header field. */
    public SipRequest without(String name) {
        return new SipRequest(method, requestUri,
                headers.stream().filter(header -> !header.name().equalsIgnoreCase(name)).toList(), body);
    }

    /** This request with a body of the given type. */
    public SipRequest withBody(String contentType, String newBody) {
        return new SipRequest(method, requestUri, replacing("Content-Type", contentType).headers, newBody);
    }

    public String method() {
        return method;
    }

    public String requestUri() {
        return requestUri;
    }

    public String body() {
        return body;
    }

    /** The first value of a header field. */
    public Optional<String> header(String name) {
        return headers.stream().filter(header -> header.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }

    /** Every value of a header field, in order. */
    public List<String> headers(String name) {
        return headers.stream().filter(header -> header.name().equalsIgnoreCase(name)).map(Header::value).toList();
    }

    /** The value of a header field the request must have. */
    public String required(String name) {
        return header(name).orElseThrow(() -> new IllegalStateException("the request has no " + name + ":\n" + this));
    }

    public String callId() {
        return required("Call-ID");
    }

    /** The CSeq sequence number. */
    public long cseqNumber() {
        return Long.parseLong(required("CSeq").trim().split("\\s+")[0]);
    }

    /** The branch parameter of the topmost Via: what ties responses to this request. */
    public String branch() {
        Matcher branch = BRANCH.matcher(required("Via"));
        if (!branch.find()) {
            throw new IllegalStateException("the top Via has no branch:\n" + this);
        }
        return branch.group(1);
    }

    /** The bytes to send: CRLF line ends, Content-Length added when the request does not set one. */
    public byte[] encode() {
        return toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(method).append(' ').append(requestUri).append(" SIP/2.0\r\n");
        for (Header header : headers) {
            text.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        if (header("Content-Length").isEmpty()) {
            text.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
        }
        return text.append("\r\n").append(body).toString();
    }
}

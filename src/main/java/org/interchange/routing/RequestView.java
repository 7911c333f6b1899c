package org.interchange.routing;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.interchange.container.config.IpAddresses;
import org.interchange.container.config.Transport;
import org.interchange.core.sip.Endpoint;
import org.interchange.core.sip.InboundRequest;
import org.interchange.core.sip.NameAddress;
import org.interchange.core.sip.SipUri;

/**
 * The request as it arrived, read-only: what OpenSIPS's pseudo-variables read ({@code $rm}, {@code $ru},
 * {@code $rU}, {@code $rd}, {@code $fu}, {@code $tu}, {@code $ct}, {@code $hdr(name)}, {@code $rb}, {@code $si},
 * {@code $sp}, {@code $proto}, {@code $Ri}, {@code $Rp}, {@code $af}). Header fields are read when asked for and
 * parsed at most once; what a step changes is in the {@link RequestContext}, not here.
 */
public final class RequestView {

    private final InboundRequest request;
    private final String listener;
    private final Supplier<byte[]> body;
    private SipUri requestUri;
    private NameAddress from;
    private NameAddress to;
    private Optional<InetAddress> sourceAddress;

    /**
     * @param request  the request
     * @param listener the name of the listener it arrived on
     * @param body     reads its body (empty array for none)
     */
    public RequestView(InboundRequest request, String listener, Supplier<byte[]> body) {
        this.request = request;
        this.listener = listener;
        this.body = body;
    }

    /** {@code $rm}. */
    public String method() {
        return request.method();
    }

    /** Whether the method is {@code method} (case-sensitive, RFC 3261 7.1). */
    public boolean is(String method) {
        return request.method().equals(method);
    }

    /** {@code $ru} as received, parsed. @throws org.interchange.core.sip.SipSyntaxException for a non-SIP URI */
    public SipUri requestUri() {
        if (requestUri == null) {
            requestUri = SipUri.parse(request.requestUri());
        }
        return requestUri;
    }

    /** The Request-URI as received, whatever its scheme. */
    public String requestUriText() {
        return request.requestUri();
    }

    /** Whether the Request-URI is a sip: or sips: URI. */
    public boolean hasSipRequestUri() {
        return SipUri.hasSipScheme(request.requestUri());
    }

    /** {@code $fu} and its parameters. */
    public NameAddress from() {
        if (from == null) {
            from = request.from();
        }
        return from;
    }

    /** {@code $tu} and its parameters. */
    public NameAddress to() {
        if (to == null) {
            to = request.to();
        }
        return to;
    }

    /** The first Contact ({@code $ct}), if any and not {@code *}. */
    public Optional<NameAddress> contact() {
        return request.headers().first("Contact").map(String::trim).filter(value -> !value.equals("*"))
                .map(NameAddress::parse);
    }

    public String callId() {
        return request.callId();
    }

    public long cseq() {
        return request.cseq();
    }

    /** The first value of a header field ({@code $hdr(name)}). */
    public Optional<String> header(String name) {
        return request.headers().first(name);
    }

    /** Every value of a header field ({@code $(hdr(name)[*])}). */
    public List<String> headers(String name) {
        return request.headers().all(name);
    }

    /** The body ({@code $rb}); empty when there is none. */
    public byte[] body() {
        return body.get();
    }

    /** Where the packet came from ({@code $si}, {@code $sp}, {@code $proto}). */
    public Endpoint source() {
        return request.source();
    }

    /** The source address as an address, parsed once; empty when it is not an IP literal. */
    public Optional<InetAddress> sourceAddress() {
        if (sourceAddress == null) {
            sourceAddress = IpAddresses.parseLiteral(request.source().address());
        }
        return sourceAddress;
    }

    /** The local socket it arrived on ({@code $Ri}, {@code $Rp}). */
    public Endpoint arrival() {
        return request.arrival();
    }

    /** The name of the listener it arrived on. */
    public String listener() {
        return listener;
    }

    public Transport transport() {
        return request.source().transport();
    }

    /** Whether it arrived over IPv6 ({@code $af} is INET6). */
    public boolean ipv6() {
        return request.source().address().indexOf(':') >= 0;
    }

    /** The request as the router's other beans take it. */
    public InboundRequest inbound() {
        return request;
    }

    @Override
    public String toString() {
        return request.method() + " " + request.requestUri();
    }
}

package org.interchange.routing;

import java.util.ArrayList;
import java.util.List;

import org.interchange.core.sip.Reply.SipHeader;

/**
 * What a local hook sees (OpenSIPS's {@code local_route}): a request the router generates itself (the CANCEL of a
 * branch that rings after another answered, or that rang until {@code proxy.branch-timeout}), before it leaves. A
 * hook may add header fields.
 *
 * @see org.interchange.routing.spi.LocalHook
 */
public final class LocalRequestContext {

    private final String method;
    private final String requestUri;
    private final Transaction transaction;
    private final List<SipHeader> addedHeaders = new ArrayList<>();

    public LocalRequestContext(String method, String requestUri, Transaction transaction) {
        this.method = method;
        this.requestUri = requestUri;
        this.transaction = transaction;
    }

    public String method() {
        return method;
    }

    public String requestUri() {
        return requestUri;
    }

    /** The transaction of the request this one belongs to (the INVITE a CANCEL cancels). */
    public Transaction transaction() {
        return transaction;
    }

    public void addHeader(String name, String value) {
        addedHeaders.add(new SipHeader(name, value));
    }

    public List<SipHeader> addedHeaders() {
        return List.copyOf(addedHeaders);
    }
}

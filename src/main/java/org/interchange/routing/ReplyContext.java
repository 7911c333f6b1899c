package org.interchange.routing;

import java.util.ArrayList;
import java.util.List;

import org.interchange.core.sip.Reply.SipHeader;

/**
 * What a reply hook sees (OpenSIPS's {@code onreply_route}): a provisional or final response of one branch, before
 * the router passes it on, with the transaction it belongs to. A hook may add and remove header fields and drop a
 * provisional response other than 100 (a final response always goes on, as in OpenSIPS).
 */
public final class ReplyContext {

    private final Transaction transaction;
    private final ResponseView response;
    private final List<SipHeader> addedHeaders = new ArrayList<>();
    private final List<String> removedHeaders = new ArrayList<>();
    private boolean dropped;

    public ReplyContext(Transaction transaction, ResponseView response) {
        this.transaction = transaction;
        this.response = response;
    }

    public RequestView request() {
        return transaction.request();
    }

    public ResponseView response() {
        return response;
    }

    public Attributes attributes() {
        return transaction.attributes();
    }

    /** Message flags. */
    public Flags flags() {
        return transaction.flags();
    }

    public void addHeader(String name, String value) {
        addedHeaders.add(new SipHeader(name, value));
    }

    public void removeHeader(String name) {
        removedHeaders.add(name);
    }

    public List<SipHeader> addedHeaders() {
        return List.copyOf(addedHeaders);
    }

    public List<String> removedHeaders() {
        return List.copyOf(removedHeaders);
    }

    /**
     * The response is not passed on.
     *
     * @throws IllegalStateException for a final response or a 100, which cannot be dropped
     */
    public void drop() {
        if (response.status() <= 100 || response.status() >= 200) {
            throw new IllegalStateException("only a provisional response above 100 can be dropped, not "
                    + response.status());
        }
        dropped = true;
    }

    public boolean dropped() {
        return dropped;
    }
}

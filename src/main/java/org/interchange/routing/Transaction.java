package org.interchange.routing;

/**
 * What lives as long as a relayed request's transaction: the request as it arrived, its attributes and its message
 * flags. The request route creates it; branch, reply and failure hooks of the same transaction see the same one.
 */
public final class Transaction {

    private final RequestView request;
    private final Attributes attributes = new Attributes();
    private final Flags flags = new Flags();
    private int failureRounds;

    public Transaction(RequestView request) {
        this.request = request;
    }

    /** The request as it arrived. */
    public RequestView request() {
        return request;
    }

    /** Transaction attributes (AVPs). */
    public Attributes attributes() {
        return attributes;
    }

    /** Message flags. */
    public Flags flags() {
        return flags;
    }

    /** Counts one more run of the failure hooks; how many ran before this one. */
    int nextFailureRound() {
        return failureRounds++;
    }
}

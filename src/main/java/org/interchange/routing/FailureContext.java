package org.interchange.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * What a failure hook sees (OpenSIPS's {@code failure_route}): the best final response of the branches tried so far,
 * all negative, and the transaction. A hook may append branches and decide {@link Decision#relay()} to try them
 * (voicemail, the next gateway), {@link Decision#reply} to send another answer upstream, or {@link Decision#next()}
 * to leave the choice to the next hook; when no hook relays or replies, the response goes upstream.
 */
public final class FailureContext {

    private final Transaction transaction;
    private final ResponseView response;
    private final List<Branch> branches = new ArrayList<>();

    public FailureContext(Transaction transaction, ResponseView response) {
        this.transaction = transaction;
        this.response = response;
    }

    public RequestView request() {
        return transaction.request();
    }

    /** The transaction: its attributes and message flags. */
    public Transaction transaction() {
        return transaction;
    }

    /** The best final response so far ({@code t_check_status}). */
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

    /** Adds a branch to try when the hook decides {@link Decision#relay()}. */
    public void appendBranch(Branch branch) {
        branches.add(branch);
    }

    public List<Branch> branches() {
        return List.copyOf(branches);
    }
}

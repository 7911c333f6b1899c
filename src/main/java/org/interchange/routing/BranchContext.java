package org.interchange.routing;

/**
 * What a branch hook sees (OpenSIPS's {@code branch_route}): one branch about to leave, the transaction it belongs
 * to, and the choice to drop it. The branch's listener is the one the socket policy chose unless a step named one;
 * a hook that changes the URI or destination without naming a listener has the policy choose again.
 */
public final class BranchContext {

    private final Transaction transaction;
    private final Branch branch;
    private boolean dropped;

    public BranchContext(Transaction transaction, Branch branch) {
        this.transaction = transaction;
        this.branch = branch;
    }

    public RequestView request() {
        return transaction.request();
    }

    public Branch branch() {
        return branch;
    }

    public Attributes attributes() {
        return transaction.attributes();
    }

    /** Message flags. */
    public Flags flags() {
        return transaction.flags();
    }

    /** The branch is not sent ({@code drop()} in a branch route). */
    public void drop() {
        dropped = true;
    }

    public boolean dropped() {
        return dropped;
    }
}

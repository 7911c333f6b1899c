package org.interchange.container.dns;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Finds the servers of a SIP target (RFC 3263). */
@FunctionalInterface
public interface SipServerLocator {

    /**
     * The servers to try, in order. Completes, within the configured budget, with at least one hop or with a
     * {@link DnsFailure}; never blocks the caller.
     */
    CompletableFuture<List<SipHop>> locate(SipTarget target);

    /**
     * The servers to try, in order, for a caller that has to wait for them: at most {@code dns.budget}.
     *
     * @throws DnsFailure when the target has no server, or DNS did not answer in time
     */
    default List<SipHop> await(SipTarget target) {
        return joined(locate(target));
    }

    /** The outcome of {@link #locate}, waited for: its hops, or its {@link DnsFailure} thrown. */
    static List<SipHop> joined(CompletableFuture<List<SipHop>> located) {
        try {
            return located.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof DnsFailure failure ? failure : e;
        }
    }
}

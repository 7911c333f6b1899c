package org.interchange.container.dns;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Finds the servers of a SIP target (RFC 3263). */
@FunctionalInterface
public interface SipServerLocator {

    /**
     * The servers to try, in order. Completes, within the configured budget, with at least one hop or with a
     * {@link DnsFailure}; never blocks the caller.
     */
    CompletableFuture<List<SipHop>> locate(SipTarget target);
}

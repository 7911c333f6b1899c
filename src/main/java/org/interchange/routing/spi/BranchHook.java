package org.interchange.routing.spi;

import org.interchange.routing.BranchContext;

/**
 * Runs for every branch before it leaves (OpenSIPS's {@code branch_route}), in {@code @Priority} order: may change
 * its URI, destination, listener and header fields, or drop it. A CDI bean in the WAR.
 */
public interface BranchHook {

    void onBranch(BranchContext context);
}

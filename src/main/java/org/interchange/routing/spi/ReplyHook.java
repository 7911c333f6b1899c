package org.interchange.routing.spi;

import org.interchange.routing.ReplyContext;

/**
 * Runs for every response to a relayed request (OpenSIPS's {@code onreply_route}), provisional and final, in
 * {@code @Priority} order: may change header fields or drop a provisional response. A CDI bean in the WAR.
 */
public interface ReplyHook {

    void onReply(ReplyContext context);
}

package org.interchange.health;

import java.time.Instant;

/**
 * A CDI event: the database became unreachable, or reachable again (OpenSIPS raises no such event; its db modules
 * log). Fired once per change, by the {@code database-probe} timer's thread, never by a SIP thread.
 *
 * @param reachable whether the database answers now
 * @param detail    why not, or what answered (the probe's outcome, in words)
 * @param at        when the probe saw the change
 */
public record DatabaseStateChanged(boolean reachable, String detail, Instant at) {
}

package org.interchange.core;

/**
 * Fired once while the router starts, before it takes traffic. Beans that must be ready (or must fail the start)
 * before the first request observe it: the database migrates, location loads its bindings, settings are
 * validated. An observer that throws stops the start.
 */
public record RouterStarting() {
}

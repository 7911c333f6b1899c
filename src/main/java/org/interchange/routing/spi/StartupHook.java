package org.interchange.routing.spi;

/**
 * Runs once when the router starts, before it takes traffic (OpenSIPS's {@code startup_route}), in
 * {@code @Priority} order. A hook that throws stops the start, naming the hook. A CDI bean in the WAR.
 */
public interface StartupHook {

    void onStartup();
}

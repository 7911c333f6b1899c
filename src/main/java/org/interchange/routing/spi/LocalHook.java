package org.interchange.routing.spi;

import org.interchange.routing.LocalRequestContext;

/**
 * Runs for a request the router generates itself (OpenSIPS's {@code local_route}) before it leaves. A CDI bean in
 * the WAR.
 */
public interface LocalHook {

    void onLocalRequest(LocalRequestContext context);
}

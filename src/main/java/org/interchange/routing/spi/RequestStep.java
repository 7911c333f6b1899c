package org.interchange.routing.spi;

import org.interchange.routing.Decision;
import org.interchange.routing.RequestContext;

/**
 * A step of the request route (OpenSIPS's main {@code route}): a CDI bean in the WAR, run for every initial request
 * in the order of its {@code @javax.annotation.Priority} (lower first; the router's own steps are at the
 * {@link org.interchange.routing.Steps} priorities, so a step goes before, between or after them). A step returns
 * {@link Decision#next()} to go on, anything else ends the route. To replace one of the router's steps, specialize
 * its class ({@code @Specializes}) or disable it by name ({@code route.disabled-steps}); to wrap one, write a CDI
 * decorator of {@code RequestStep}. A step that throws ends the route with 500; the router logs the step's name.
 */
public interface RequestStep {

    Decision apply(RequestContext context);

    /**
     * The name logs and {@code route.disabled-steps} use: by default the class's simple name (without the suffix of
     * a subclass CDI makes for a decorated bean).
     */
    default String name() {
        String simple = getClass().getSimpleName();
        int generated = simple.indexOf('$');
        return generated > 0 ? simple.substring(0, generated) : simple;
    }
}

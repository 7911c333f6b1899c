package org.interchange.it.routing;

import javax.annotation.Priority;
import javax.enterprise.context.ApplicationScoped;

import org.interchange.routing.Decision;
import org.interchange.routing.RequestContext;
import org.interchange.routing.Steps;
import org.interchange.routing.spi.RequestStep;

/** A step with a bug: it throws on every request to {@value #USER}. */
@ApplicationScoped
@Priority(Steps.AUTHENTICATION + 1)
public class ThrowingStep implements RequestStep {

    static final String USER = "rt-throw";
    static final String NAME = "routing-it-thrower";

    @Override
    public Decision apply(RequestContext context) {
        if (Marked.user(context.request(), USER)) {
            throw new IllegalStateException("thrown on purpose by the routing ITs");
        }
        return Decision.next();
    }

    @Override
    public String name() {
        return NAME;
    }
}

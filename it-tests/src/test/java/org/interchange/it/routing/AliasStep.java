package org.interchange.it.routing;

import javax.annotation.Priority;
import javax.enterprise.context.ApplicationScoped;

import org.interchange.routing.Decision;
import org.interchange.routing.RequestContext;
import org.interchange.routing.Steps;
import org.interchange.routing.spi.RequestStep;

/**
 * An integrator's step placed just before {@code location-lookup} ({@code @Priority(Steps.LOCATION_LOOKUP - 1)}):
 * {@code rt-alias-<user>} is an alias of {@code <user>}, so it rewrites the Request-URI's user ({@code $rU}) and
 * lets the route go on; the router's lookup then finds {@code <user>}'s bindings. The relayed request says which
 * alias was called in {@code X-Routing-It-Alias}.
 */
@ApplicationScoped
@Priority(Steps.LOCATION_LOOKUP - 1)
public class AliasStep implements RequestStep {

    static final String PREFIX = "rt-alias-";

    @Override
    public Decision apply(RequestContext context) {
        if (!Marked.user(context.request(), PREFIX)) {
            return Decision.next();
        }
        context.requestUri(context.requestUri().withUser(Marked.after(context.request(), PREFIX)));
        context.addHeader("X-Routing-It-Alias", context.request().requestUri().user().orElseThrow());
        return Decision.next();
    }

    @Override
    public String name() {
        return "routing-it-alias";
    }
}

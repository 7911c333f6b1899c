package org.interchange.it.routing;

import javax.annotation.Priority;
import javax.enterprise.context.ApplicationScoped;

import org.interchange.routing.Decision;
import org.interchange.routing.RequestContext;
import org.interchange.routing.Steps;
import org.interchange.routing.spi.RequestStep;

/**
 * Marks transactions for the reply and local hooks with message flags, which those hooks see: {@value #REPLY}
 * for requests to users named {@value #REPLY_PREFIX}..., {@value #LOCAL} for {@value #LOCAL_PREFIX}.... The route
 * goes on: the router's own steps relay them to the user's bindings.
 */
@ApplicationScoped
@Priority(Steps.URI_SCHEME + 20)
public class MarkingStep implements RequestStep {

    static final String REPLY_PREFIX = "rt-reply-";
    static final String REPLY = "RT_REPLY";
    static final String LOCAL_PREFIX = "rt-local-";
    static final String LOCAL = "RT_LOCAL";

    @Override
    public Decision apply(RequestContext context) {
        if (Marked.user(context.request(), REPLY_PREFIX)) {
            context.flags().set(REPLY);
        } else if (Marked.user(context.request(), LOCAL_PREFIX)) {
            context.flags().set(LOCAL);
        }
        return Decision.next();
    }

    @Override
    public String name() {
        return "routing-it-marking";
    }
}

package org.interchange.it.routing;

import javax.enterprise.context.ApplicationScoped;

import org.interchange.routing.LocalRequestContext;
import org.interchange.routing.spi.LocalHook;

/**
 * A local hook ({@code local_route}) for the transactions {@link MarkingStep} flagged {@value MarkingStep#LOCAL}:
 * a request the router generates for them leaves with {@code X-Routing-It-Local: <method> <Request-URI>}.
 */
@ApplicationScoped
public class CancelMarkingHook implements LocalHook {

    @Override
    public void onLocalRequest(LocalRequestContext context) {
        if (context.transaction().flags().isSet(MarkingStep.LOCAL)) {
            context.addHeader("X-Routing-It-Local", context.method() + " " + context.requestUri());
        }
    }
}

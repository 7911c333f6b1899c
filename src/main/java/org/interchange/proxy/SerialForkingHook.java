package org.interchange.proxy;

import java.util.List;

import javax.annotation.Priority;
import javax.enterprise.context.ApplicationScoped;

import org.interchange.routing.Branch;
import org.interchange.routing.Decision;
import org.interchange.routing.FailureContext;
import org.interchange.routing.Steps;
import org.interchange.routing.spi.FailureHook;

/**
 * {@code serial-forking}: when the branches of one q-value all failed and the search is not over (no 6xx, RFC 3261
 * 16.7), the branches of the next q-value are tried ({@code t_next_contacts} in a failure route).
 */
@ApplicationScoped
@Priority(Steps.SERIAL_FORKING)
public class SerialForkingHook implements FailureHook {

    @Override
    public Decision onFailure(FailureContext context) {
        List<Branch> pending = context.attributes().all(RequestRouter.PENDING);
        if (pending.isEmpty() || RequestRouter.searchIsOver(context.response().status())) {
            return Decision.next();
        }
        context.attributes().remove(RequestRouter.PENDING);
        pending.forEach(context::appendBranch);
        return Decision.relay();
    }
}

package org.interchange.proxy;

import java.util.Optional;

import javax.annotation.Priority;
import javax.enterprise.context.ApplicationScoped;

import org.interchange.core.sip.SipSyntaxException;
import org.interchange.routing.Decision;
import org.interchange.routing.RequestContext;
import org.interchange.routing.Steps;
import org.interchange.routing.spi.RequestStep;

/**
 * {@code max-forwards}: a request with Max-Forwards 0 gets 483 (RFC 3261 16.3 item 3, OpenSIPS's
 * {@code mf_process_maxfwd_header}); the container decrements it on the way out.
 */
@ApplicationScoped
@Priority(Steps.MAX_FORWARDS)
public class MaxForwardsStep implements RequestStep {

    @Override
    public Decision apply(RequestContext context) {
        Optional<String> value = context.request().header("Max-Forwards").map(String::trim);
        if (value.isEmpty()) {
            return Decision.next();
        }
        try {
            return Integer.parseInt(value.get()) == 0 ? Decision.reply(483, "Too Many Hops") : Decision.next();
        } catch (NumberFormatException e) {
            throw new SipSyntaxException("bad Max-Forwards " + value.get());
        }
    }

    @Override
    public String name() {
        return "max-forwards";
    }
}

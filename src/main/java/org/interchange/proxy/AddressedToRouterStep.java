package org.interchange.proxy;

import javax.annotation.Priority;
import javax.enterprise.context.ApplicationScoped;
import javax.inject.Inject;

import org.interchange.container.RouterPings;
import org.interchange.core.sip.Reply;
import org.interchange.domain.Domains;
import org.interchange.routing.Decision;
import org.interchange.routing.RequestContext;
import org.interchange.routing.Steps;
import org.interchange.routing.spi.RequestStep;

/**
 * {@code addressed-to-router}: a request for a local host without a user is for the router itself (RFC 3261 11,
 * 16.3): OPTIONS gets the same 200 as the SIP stack gives the pings it answers, Max-Forwards 0 being no obstacle;
 * other methods get 405.
 */
@ApplicationScoped
@Priority(Steps.ADDRESSED_TO_ROUTER)
public class AddressedToRouterStep implements RequestStep {

    /** The router's answer to an OPTIONS addressed to it. */
    static final Reply PONG = Reply.of(200, "OK").with("Allow", RouterPings.ALLOW)
            .with("Accept", RouterPings.ACCEPT).with("Supported", RouterPings.SUPPORTED);

    private Domains domains;

    protected AddressedToRouterStep() {
        // for CDI's proxy
    }

    @Inject
    public AddressedToRouterStep(Domains domains) {
        this.domains = domains;
    }

    @Override
    public Decision apply(RequestContext context) {
        var uri = context.request().requestUri();
        if (uri.user().isPresent() || !domains.isLocal(uri.host())) {
            return Decision.next();
        }
        return context.request().is("OPTIONS") ? Decision.reply(PONG)
                : Decision.reply(Reply.of(405, "Method Not Allowed").with("Allow", RouterPings.ALLOW));
    }

    @Override
    public String name() {
        return "addressed-to-router";
    }
}

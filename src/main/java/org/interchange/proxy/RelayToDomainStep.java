package org.interchange.proxy;

import javax.annotation.Priority;
import javax.enterprise.context.ApplicationScoped;
import javax.inject.Inject;

import org.interchange.auth.AuthenticationStep;
import org.interchange.auth.Authenticator;
import org.interchange.domain.Domains;
import org.interchange.routing.Decision;
import org.interchange.routing.RequestContext;
import org.interchange.routing.Steps;
import org.interchange.routing.spi.RequestStep;

/**
 * {@code relay-to-domain}: the last step. A request for another domain is relayed to its Request-URI, through
 * {@code proxy.outbound-proxy} when set and no step chose a destination, if it comes from one of our users or a
 * trusted source; anyone else gets 403 (the router is no open relay).
 */
@ApplicationScoped
@Priority(Steps.RELAY_TO_DOMAIN)
public class RelayToDomainStep implements RequestStep {

    private Domains domains;
    private Authenticator authenticator;
    private ProxySettings settings;

    protected RelayToDomainStep() {
        // for CDI's proxy
    }

    @Inject
    public RelayToDomainStep(Domains domains, Authenticator authenticator, ProxySettings settings) {
        this.domains = domains;
        this.authenticator = authenticator;
        this.settings = settings;
    }

    @Override
    public Decision apply(RequestContext context) {
        if (!context.hasBranches() && AuthenticationStep.fromDomain(context.request(), domains).isEmpty()
                && !AuthenticationStep.trusted(context, authenticator)) {
            return Decision.reply(403, "Relaying Forbidden");
        }
        if (context.destination().isEmpty()) {
            settings.outboundProxy().ifPresent(context::destination);
        }
        return Decision.relay();
    }

    @Override
    public String name() {
        return "relay-to-domain";
    }
}

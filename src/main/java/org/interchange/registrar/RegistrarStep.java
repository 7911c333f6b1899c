package org.interchange.registrar;

import javax.annotation.Priority;
import javax.enterprise.context.ApplicationScoped;
import javax.inject.Inject;

import org.interchange.domain.Domains;
import org.interchange.routing.Decision;
import org.interchange.routing.RequestContext;
import org.interchange.routing.Steps;
import org.interchange.routing.spi.RequestStep;

/**
 * {@code registrar}: a REGISTER whose Request-URI is a served domain (or an alias of the router) goes to the
 * {@link Registrar} ({@code save("location")}); a REGISTER for another domain is relayed like any request.
 */
@ApplicationScoped
@Priority(Steps.REGISTRAR)
public class RegistrarStep implements RequestStep {

    private Domains domains;

    protected RegistrarStep() {
        // for CDI's proxy
    }

    @Inject
    public RegistrarStep(Domains domains) {
        this.domains = domains;
    }

    @Override
    public Decision apply(RequestContext context) {
        return context.request().is("REGISTER")
                && domains.servedDomain(context.request().requestUri().host()).isPresent()
                ? Decision.register() : Decision.next();
    }

    @Override
    public String name() {
        return "registrar";
    }
}

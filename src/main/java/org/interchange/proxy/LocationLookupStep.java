package org.interchange.proxy;

import java.util.List;
import java.util.Optional;

import javax.annotation.Priority;
import javax.enterprise.context.ApplicationScoped;
import javax.inject.Inject;

import org.interchange.auth.Subscribers;
import org.interchange.core.sip.Aor;
import org.interchange.core.sip.SipUri;
import org.interchange.domain.Domains;
import org.interchange.location.Binding;
import org.interchange.location.Location;
import org.interchange.routing.Branch;
import org.interchange.routing.Decision;
import org.interchange.routing.RequestContext;
import org.interchange.routing.Steps;
import org.interchange.routing.spi.RequestStep;

/**
 * {@code location-lookup}: a request for a user of a served domain goes to the user's bindings ({@code lookup}),
 * one branch per binding with its q-value, Path and registration socket; without bindings to
 * {@code proxy.default-route} when set, else 480 for a subscriber, 404 for anyone else (200 for an OPTIONS: a
 * monitoring ping names a user nobody is). Requests for other domains go on.
 */
@ApplicationScoped
@Priority(Steps.LOCATION_LOOKUP)
public class LocationLookupStep implements RequestStep {

    private Domains domains;
    private Location location;
    private Subscribers subscribers;
    private ProxySettings settings;

    protected LocationLookupStep() {
        // for CDI's proxy
    }

    @Inject
    public LocationLookupStep(Domains domains, Location location, Subscribers subscribers, ProxySettings settings) {
        this.domains = domains;
        this.location = location;
        this.subscribers = subscribers;
        this.settings = settings;
    }

    @Override
    public Decision apply(RequestContext context) {
        Optional<Aor> aor = localUser(context.requestUri(), domains);
        if (aor.isEmpty()) {
            return Decision.next();
        }
        List<Binding> bindings = location.lookup(aor.get());
        if (bindings.isEmpty()) {
            if (settings.defaultRoute().isPresent()) {
                context.appendBranch(Branch.to(settings.defaultRoute().get()));
                return Decision.relay();
            }
            if (subscribers.exists(aor.get())) {
                return Decision.reply(480, "Temporarily Unavailable");
            }
            return context.request().is("OPTIONS") ? Decision.reply(AddressedToRouterStep.PONG)
                    : Decision.reply(404, "Not Found");
        }
        for (Binding binding : bindings) {
            Branch branch = Branch.to(SipUri.parse(binding.contact()), binding.q()).path(binding.path());
            binding.socket().ifPresent(branch::registeredSocket);
            context.appendBranch(branch);
        }
        return Decision.relay();
    }

    @Override
    public String name() {
        return "location-lookup";
    }

    /** The address-of-record a Request-URI names when its host is a served domain or alias and it has a user. */
    static Optional<Aor> localUser(SipUri requestUri, Domains domains) {
        if (requestUri.user().isEmpty()) {
            return Optional.empty();
        }
        return domains.servedDomain(requestUri.host()).map(domain -> new Aor(requestUri.user().get(), domain));
    }
}

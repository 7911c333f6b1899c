package org.interchange.proxy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import javax.annotation.Priority;
import javax.enterprise.context.ApplicationScoped;
import javax.inject.Inject;

import org.interchange.core.sip.Aor;
import org.interchange.core.sip.SipUri;
import org.interchange.domain.Domains;
import org.interchange.location.Binding;
import org.interchange.location.Location;
import org.interchange.routing.Decision;
import org.interchange.routing.Decision.Contact;
import org.interchange.routing.RequestContext;
import org.interchange.routing.Steps;
import org.interchange.routing.spi.RequestStep;

/**
 * {@code redirect}: for a user of a domain in {@code proxy.redirect-domains}, the router acts as a redirect server
 * (RFC 3261 8.3): 302 with the user's bindings as Contacts, their q-values and the seconds left to each; users
 * without bindings go on to {@code location-lookup}, which answers 404 or 480. Any step can redirect with
 * {@link Decision#redirect}.
 */
@ApplicationScoped
@Priority(Steps.REDIRECT)
public class RedirectStep implements RequestStep {

    private Domains domains;
    private Location location;
    private ProxySettings settings;
    private Clock clock;

    protected RedirectStep() {
        // for CDI's proxy
    }

    @Inject
    public RedirectStep(Domains domains, Location location, ProxySettings settings, Clock clock) {
        this.domains = domains;
        this.location = location;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Decision apply(RequestContext context) {
        if (settings.redirectDomains().isEmpty()) {
            return Decision.next();
        }
        Optional<Aor> aor = LocationLookupStep.localUser(context.requestUri(), domains)
                .filter(user -> settings.redirectDomains().contains(user.domain()));
        if (aor.isEmpty()) {
            return Decision.next();
        }
        List<Binding> bindings = location.lookup(aor.get());
        if (bindings.isEmpty()) {
            return Decision.next();
        }
        Instant now = clock.instant();
        return Decision.redirect(bindings.stream().map(binding -> new Contact(SipUri.parse(binding.contact()),
                binding.q(), OptionalLong.of(binding.secondsLeftAt(now)))).toList());
    }

    @Override
    public String name() {
        return "redirect";
    }
}

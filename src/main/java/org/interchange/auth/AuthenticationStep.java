package org.interchange.auth;

import java.util.Optional;

import javax.annotation.Priority;
import javax.enterprise.context.ApplicationScoped;
import javax.inject.Inject;

import org.interchange.auth.Authenticator.Authenticated;
import org.interchange.auth.Authenticator.Challenged;
import org.interchange.core.sip.Aor;
import org.interchange.core.sip.NameAddress;
import org.interchange.core.sip.SipUri;
import org.interchange.domain.Domains;
import org.interchange.routing.Decision;
import org.interchange.routing.Flags;
import org.interchange.routing.RequestContext;
import org.interchange.routing.RequestView;
import org.interchange.routing.Steps;
import org.interchange.routing.spi.RequestStep;

/**
 * {@code authentication}: a request that claims to come from a user of a served domain (its From), of a method in
 * {@code auth.methods}, gets 407 until it carries that user's credentials ({@code proxy_authorize} and
 * {@code db_check_from}); credentials of another user than the From get 403. Requests from
 * {@code auth.trusted-networks} or flagged {@link Flags#TRUSTED} (a trusted address group) are not challenged.
 */
@ApplicationScoped
@Priority(Steps.AUTHENTICATION)
public class AuthenticationStep implements RequestStep {

    private Domains domains;
    private Authenticator authenticator;

    protected AuthenticationStep() {
        // for CDI's proxy
    }

    @Inject
    public AuthenticationStep(Domains domains, Authenticator authenticator) {
        this.domains = domains;
        this.authenticator = authenticator;
    }

    @Override
    public Decision apply(RequestContext context) {
        RequestView request = context.request();
        if (!authenticator.settings().methods().contains(request.method()) || trusted(context, authenticator)) {
            return Decision.next();
        }
        Optional<String> realm = fromDomain(request, domains);
        if (realm.isEmpty()) {
            return Decision.next();
        }
        var outcome = authenticator.authenticate(request.inbound(), realm.get(), Authenticator.Kind.PROXY);
        if (outcome instanceof Challenged challenged) {
            return Decision.reply(challenged.reply());
        }
        Authenticated user = (Authenticated) outcome;
        Optional<String> fromUser = request.from().sipUri().user();
        if (fromUser.isEmpty() || !new Aor(fromUser.get(), realm.get()).equals(new Aor(user.username(), user.realm()))) {
            return Decision.reply(403, "Forbidden (From is not the authenticated user)");
        }
        return Decision.next();
    }

    @Override
    public String name() {
        return "authentication";
    }

    /**
     * Whether the request comes from a trusted network or address group: it needs no credentials. A source in
     * {@code auth.trusted-networks} is flagged {@link Flags#TRUSTED} the first time, so that later steps ask the flag.
     */
    public static boolean trusted(RequestContext context, Authenticator authenticator) {
        if (context.flags().isSet(Flags.TRUSTED)) {
            return true;
        }
        boolean trustedNetwork = context.request().sourceAddress()
                .filter(address -> authenticator.settings().isTrusted(address)).isPresent();
        if (trustedNetwork) {
            context.flags().set(Flags.TRUSTED);
        }
        return trustedNetwork;
    }

    /** The served domain of the From URI, when the request claims to come from one of our users. */
    public static Optional<String> fromDomain(RequestView request, Domains domains) {
        NameAddress from = request.from();
        if (!SipUri.hasSipScheme(from.uri())) {
            return Optional.empty();
        }
        SipUri uri = from.sipUri();
        return uri.user().isPresent() ? domains.servedDomain(uri.host()) : Optional.empty();
    }
}

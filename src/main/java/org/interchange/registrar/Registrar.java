package org.interchange.registrar;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.inject.Produces;
import javax.enterprise.event.Observes;
import javax.inject.Inject;
import javax.inject.Singleton;

import org.interchange.auth.Authenticator;
import org.interchange.auth.Authenticator.Authenticated;
import org.interchange.auth.Authenticator.Challenged;
import org.interchange.container.config.RouterConfiguration;
import org.interchange.core.Reloading;
import org.interchange.core.RouterStarting;
import org.interchange.core.sip.Aor;
import org.interchange.core.sip.InboundRequest;
import org.interchange.core.sip.NameAddress;
import org.interchange.core.sip.Reply;
import org.interchange.core.sip.SipSyntaxException;
import org.interchange.core.sip.SipUri;
import org.interchange.domain.Domains;
import org.interchange.location.Binding;
import org.interchange.location.Location;
import org.interchange.registrar.internal.RegistrationRejected;
import org.interchange.registrar.internal.RequestedContact;

/**
 * Handles REGISTER requests for the served domains (RFC 3261 10.3). Thread-safe.
 */
@ApplicationScoped
public class Registrar {

    /** The option tags this registrar supports (Require processing, RFC 3261 10.3 step 2). */
    static final List<String> SUPPORTED = List.of("path");

    private Domains domains;
    private Authenticator authenticator;
    private Location location;
    private volatile RegistrarSettings settings;
    private Clock clock;

    protected Registrar() {
        // for CDI's proxy
    }

    @Inject
    public Registrar(Domains domains, Authenticator authenticator, Location location, RegistrarSettings settings,
                     Clock clock) {
        this.domains = domains;
        this.authenticator = authenticator;
        this.location = location;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * What becomes of a REGISTER, decided from memory alone, on the SIP stack's thread: in write-behind mode this
     * includes its bindings, and the 200.
     */
    public sealed interface Admission permits Answer, NotServed, Accepted {
    }

    /** Answer at once: a challenge, or a request the registrar refuses. */
    public record Answer(Reply reply) implements Admission {
    }

    /** Not for a served domain: the request is proxied like any other. */
    public record NotServed() implements Admission {
    }

    /**
     * Authenticated (or needing no credentials), for {@link #store}: the work that writes the database, given in
     * write-through mode only.
     */
    public record Accepted(InboundRequest request, Aor aor) implements Admission {
    }

    /**
     * The checks of a REGISTER that need no database (RFC 3261 10.3 steps 1-4): the Request-URI's domain, Require,
     * the address-of-record and the credentials (subscribers are in memory). When location writes behind, changing
     * the bindings needs no database either, and the accepted REGISTER is stored at once: the answer is the 200.
     *
     * @throws org.interchange.core.persistence.InvalidDataException when a value does not fit the location table
     */
    public Admission admit(InboundRequest request) {
        if (!SipUri.hasSipScheme(request.requestUri())) {
            return new Answer(Reply.of(416, "Unsupported URI Scheme"));
        }
        SipUri requestUri;
        try {
            requestUri = SipUri.parse(request.requestUri());
        } catch (SipSyntaxException e) {
            return new Answer(Reply.of(400, "Bad Request-URI"));
        }
        Optional<String> domain = domains.servedDomain(requestUri.host());
        if (domain.isEmpty()) {
            return new NotServed();
        }
        try {
            Admission admission = admit(request, domain.get());
            return admission instanceof Accepted accepted && !location.updateWritesTheDatabase()
                    ? new Answer(store(accepted)) : admission;
        } catch (RegistrationRejected e) {
            return new Answer(e.reply());
        } catch (SipSyntaxException e) {
            return new Answer(Reply.of(400, "Bad Request (" + e.getMessage() + ")"));
        }
    }

    /**
     * Adds, refreshes or removes the bindings of an admitted REGISTER (RFC 3261 10.3 steps 5-8); writes the
     * database (write-through), so it runs off the SIP stack's threads.
     *
     * @throws org.interchange.core.persistence.DatabaseUnavailableException when the database fails
     * @throws org.interchange.core.persistence.InvalidDataException when a value does not fit the location table
     */
    public Reply store(Accepted accepted) {
        try {
            return update(accepted.request(), accepted.aor());
        } catch (RegistrationRejected e) {
            return e.reply();
        } catch (SipSyntaxException e) {
            return Reply.of(400, "Bad Request (" + e.getMessage() + ")");
        }
    }

    private Admission admit(InboundRequest request, String domain) {
        List<String> unsupported = unsupported(request.headers().all("Require"));
        if (!unsupported.isEmpty()) {
            return new Answer(Reply.of(420, "Bad Extension").with("Unsupported", String.join(", ", unsupported)));
        }
        NameAddress to = request.to();
        Optional<String> realm = aorDomain(to, domain);
        if (authenticator.settings().register()) {
            var outcome = authenticator.authenticate(request, realm.orElse(domain), Authenticator.Kind.WWW);
            if (outcome instanceof Challenged challenged) {
                return new Answer(challenged.reply());
            }
            Authenticated user = (Authenticated) outcome;
            Aor aor = aor(to, realm);
            if (!new Aor(user.username(), user.realm()).equals(aor)) {
                return new Answer(Reply.of(403, "Forbidden (credentials of another user)"));
            }
            return new Accepted(request, aor);
        }
        return new Accepted(request, aor(to, realm));
    }

    /** The served domain of the To URI, if To is a SIP URI of the same served domain as the Request-URI. */
    private Optional<String> aorDomain(NameAddress to, String requestDomain) {
        if (!SipUri.hasSipScheme(to.uri())) {
            return Optional.empty();
        }
        return domains.servedDomain(to.sipUri().host()).filter(requestDomain::equals);
    }

    private static Aor aor(NameAddress to, Optional<String> domain) {
        if (!SipUri.hasSipScheme(to.uri())) {
            throw new RegistrationRejected(Reply.of(400, "Bad Request (To is not a SIP URI)"));
        }
        SipUri uri = to.sipUri();
        if (domain.isEmpty() || uri.user().isEmpty()) {
            throw new RegistrationRejected(Reply.of(404, "Not Found (no such address-of-record here)"));
        }
        return new Aor(uri.user().get(), domain.get());
    }

    private Reply update(InboundRequest request, Aor aor) {
        RegistrarSettings settings = this.settings; // one snapshot for the whole request, even across a reload
        List<RequestedContact> contacts = RequestedContact.parseAll(request.headers().all("Contact"));
        OptionalLong expiresHeader = request.headers().first("Expires").map(String::trim)
                .filter(v -> !v.isEmpty() && v.chars().allMatch(Character::isDigit))
                .map(v -> OptionalLong.of(v.length() > 18 ? Long.MAX_VALUE : Long.parseLong(v)))
                .orElse(OptionalLong.empty());
        boolean wildcard = contacts.stream().anyMatch(RequestedContact::wildcard);
        if (wildcard && (contacts.size() != 1 || expiresHeader.isEmpty() || expiresHeader.getAsLong() != 0)) {
            return Reply.of(400, "Bad Request (Contact * needs Expires: 0 and no other Contact)");
        }
        for (RequestedContact contact : contacts) {
            long expires = contact.expires().orElse(expiresHeader.orElse(settings.defaultExpires()));
            if (expires > 0 && expires < settings.minExpires()) {
                return Reply.of(423, "Interval Too Brief").with("Min-Expires", String.valueOf(settings.minExpires()));
            }
        }
        String callId = request.callId();
        long cseq = request.cseq();
        Instant now = clock.instant();
        List<Binding> bindings = contacts.isEmpty() ? location.lookup(aor) : location.update(aor, current -> {
            if (wildcard) {
                current.forEach(binding -> checkOrder(binding, callId, cseq));
                return List.of();
            }
            List<Binding> next = new ArrayList<>(current);
            for (RequestedContact contact : contacts) {
                long expires = Math.min(contact.expires().orElse(expiresHeader.orElse(settings.defaultExpires())),
                        settings.maxExpires());
                Optional<Binding> existing = next.stream()
                        .filter(binding -> SipUri.parse(binding.contact()).sameAs(contact.uri())).findFirst();
                existing.ifPresent(binding -> {
                    checkOrder(binding, callId, cseq);
                    next.remove(binding);
                });
                if (expires > 0) {
                    next.add(new Binding(existing.map(Binding::id).orElse(0L), aor, contact.uri().toString(),
                            contact.q().orElse(1.0), now.plusSeconds(expires), callId, cseq, now,
                            Optional.of(request.source()), Optional.of(request.arrival()),
                            request.userAgent().orElse(""), request.headers().all("Path")));
                }
            }
            if (settings.maxContacts() > 0 && next.size() > settings.maxContacts()) {
                throw new RegistrationRejected(Reply.of(503, "Too many registered contacts"));
            }
            return next;
        });
        return ok(request, bindings, now);
    }

    /** RFC 3261 10.3 steps 6-7: a binding changes only through a newer request of its Call-ID. */
    private static void checkOrder(Binding binding, String callId, long cseq) {
        if (binding.callId().equals(callId) && cseq <= binding.cseq()) {
            throw new RegistrationRejected(Reply.of(400, "Invalid CSeq number"));
        }
    }

    private static Reply ok(InboundRequest request, List<Binding> bindings, Instant now) {
        Reply reply = Reply.of(200, "OK");
        for (Binding binding : bindings) {
            reply = reply.with("Contact", "<" + binding.contact() + ">;expires=" + binding.secondsLeftAt(now)
                    + ";q=" + q(binding.q()));
        }
        boolean pathSupported = request.headers().all("Supported").stream()
                .anyMatch(tag -> tag.trim().equalsIgnoreCase("path"));
        if (pathSupported) {
            for (String path : request.headers().all("Path")) {
                reply = reply.with("Path", path);
            }
        }
        return reply.with("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)));
    }

    private static String q(double q) {
        String text = String.format(Locale.ROOT, "%.3f", q);
        return text.replaceAll("0{1,2}$", "");
    }

    private static List<String> unsupported(List<String> required) {
        return required.stream().map(String::trim)
                .filter(tag -> !tag.isEmpty() && SUPPORTED.stream().noneMatch(tag::equalsIgnoreCase))
                .toList();
    }

    @Produces
    @Singleton
    static RegistrarSettings settings(RouterConfiguration config) {
        return RegistrarSettings.from(config);
    }

    /** {@code reload}: the expiry limits and {@code registrar.max-contacts} apply to the next REGISTER. */
    void reload(@Observes Reloading reloading) {
        RegistrarSettings next = RegistrarSettings.from(reloading.configuration());
        reloading.stage(RegistrarSettings.KEYS, () -> settings = next);
    }

    /** Makes the bean ready (its {@code @PostConstruct} runs) before the router takes traffic. */
    void start(@Observes RouterStarting starting) {
        // nothing more: being called instantiates the bean
    }
}

package org.interchange.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import javax.annotation.PostConstruct;
import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.inject.Produces;
import javax.enterprise.event.Observes;
import javax.inject.Inject;
import javax.inject.Singleton;

import org.interchange.auth.internal.DigestCredentials;
import org.interchange.auth.internal.Nonces;
import org.interchange.container.config.RouterConfiguration;
import org.interchange.core.DataDirectory;
import org.interchange.core.Reloading;
import org.interchange.core.RouterStarting;
import org.interchange.core.Scheduler;
import org.interchange.core.sip.InboundRequest;
import org.interchange.core.sip.Reply;

/**
 * Digest authentication of requests (RFC 3261 22.2 and 22.3 with RFC 7616 / RFC 8760 algorithms). Decides whether
 * a request carries valid credentials for a realm, or builds the challenge to send instead. Thread-safe.
 */
@ApplicationScoped
public class Authenticator {

    /** Who challenges: a registrar or user agent (401) or a proxy (407). */
    public enum Kind {
        WWW(401, "Unauthorized", "Authorization", "WWW-Authenticate"),
        PROXY(407, "Proxy Authentication Required", "Proxy-Authorization", "Proxy-Authenticate");

        final int status;
        final String reason;
        final String credentialsHeader;
        final String challengeHeader;

        Kind(int status, String reason, String credentialsHeader, String challengeHeader) {
            this.status = status;
            this.reason = reason;
            this.credentialsHeader = credentialsHeader;
            this.challengeHeader = challengeHeader;
        }
    }

    /** What authentication decided. */
    public sealed interface Outcome permits Authenticated, Challenged {
    }

    /** Valid credentials of {@code username} in {@code realm}. */
    public record Authenticated(String username, String realm) implements Outcome {
    }

    /** No valid credentials: send {@code reply}, a 401 or 407 with fresh challenges. */
    public record Challenged(Reply reply) implements Outcome {
    }

    private enum Verdict { VALID, STALE, FAILED }

    private volatile AuthSettings settings;
    private Subscribers subscribers;
    private Scheduler scheduler;
    private Nonces nonces;

    protected Authenticator() {
        // for CDI's proxy
    }

    @Inject
    public Authenticator(AuthSettings settings, Subscribers subscribers, Clock clock, Scheduler scheduler) {
        this.settings = settings;
        this.subscribers = subscribers;
        this.scheduler = scheduler;
        this.nonces = new Nonces(settings.secret().getBytes(StandardCharsets.UTF_8), settings.nonceLifetime(), clock);
    }

    @PostConstruct
    void startTimer() {
        scheduler.every("auth-nonce-counts", settings.nonceLifetime(), nonces::forgetExpired);
    }

    /**
     * Authenticates a request for a realm.
     *
     * @param realm the realm the credentials must be for: the domain of the user
     * @param kind  whether to read Authorization and answer 401, or Proxy-Authorization and 407
     */
    public Outcome authenticate(InboundRequest request, String realm, Kind kind) {
        boolean stale = false;
        for (String value : request.headers().all(kind.credentialsHeader)) {
            Optional<DigestCredentials> credentials = DigestCredentials.parse(value)
                    .filter(c -> c.realm().equalsIgnoreCase(realm));
            if (credentials.isEmpty()) {
                continue; // another scheme, or credentials for another realm (another proxy's)
            }
            switch (verify(request.method(), credentials.get(), realm)) {
                case VALID:
                    return new Authenticated(credentials.get().username(), realm);
                case STALE:
                    stale = true;
                    break;
                default:
                    break;
            }
        }
        return new Challenged(challenge(realm, kind, stale));
    }

    /** A challenge for the realm: one header field per configured algorithm, preferred first. */
    public Reply challenge(String realm, Kind kind, boolean stale) {
        String nonce = nonces.issue();
        Reply reply = Reply.of(kind.status, kind.reason);
        for (DigestAlgorithm algorithm : settings.algorithms()) {
            reply = reply.with(kind.challengeHeader, "Digest realm=\"" + realm + "\", nonce=\"" + nonce
                    + "\", algorithm=" + algorithm.token() + ", qop=\"auth\"" + (stale ? ", stale=true" : ""));
        }
        return reply;
    }

    private Verdict verify(String method, DigestCredentials credentials, String realm) {
        switch (nonces.check(credentials.nonce())) {
            case INVALID:
                return Verdict.FAILED;
            case STALE:
                return Verdict.STALE;
            default:
                break;
        }
        String algorithmToken = credentials.algorithm();
        boolean session = algorithmToken.toLowerCase(Locale.ROOT).endsWith("-sess");
        Optional<DigestAlgorithm> algorithm = DigestAlgorithm
                .byToken(session ? algorithmToken.substring(0, algorithmToken.length() - 5) : algorithmToken)
                .filter(settings.algorithms()::contains);
        if (algorithm.isEmpty() || !"auth".equals(credentials.qop()) || credentials.cnonce().isEmpty()) {
            return Verdict.FAILED;
        }
        long count;
        try {
            count = Long.parseLong(credentials.nonceCount(), 16);
        } catch (NumberFormatException e) {
            return Verdict.FAILED;
        }
        Optional<String> storedHa1 = subscribers.ha1s(credentials.username(), realm)
                .map(hashes -> hashes.get(algorithm.get()));
        if (storedHa1.isEmpty()) {
            return Verdict.FAILED;
        }
        DigestAlgorithm h = algorithm.get();
        String ha1 = session
                ? h.hash(storedHa1.get() + ":" + credentials.nonce() + ":" + credentials.cnonce())
                : storedHa1.get();
        String ha2 = h.hash(method + ":" + credentials.uri());
        String expected = h.hash(ha1 + ":" + credentials.nonce() + ":" + credentials.nonceCount() + ":"
                + credentials.cnonce() + ":" + credentials.qop() + ":" + ha2);
        boolean matches = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                credentials.response().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        return matches && nonces.acceptCount(credentials.nonce(), count) ? Verdict.VALID : Verdict.FAILED;
    }

    /** The settings this authenticator applies. */
    public AuthSettings settings() {
        return settings;
    }

    @Produces
    @Singleton
    static AuthSettings settings(RouterConfiguration config, DataDirectory data) {
        return AuthSettings.from(config, data);
    }

    /**
     * {@code reload}: who must authenticate and which challenges are offered change for the next request; the
     * nonce lifetime and secret, which live in issued nonces, and the subscriber refresh, a timer, need a restart.
     */
    void reload(@Observes Reloading reloading, DataDirectory data) {
        AuthSettings next = AuthSettings.from(reloading.configuration(), data);
        reloading.stage(AuthSettings.RELOADABLE_KEYS, () -> settings = settings.withReloadable(next));
    }

    /** Makes the bean ready (its {@code @PostConstruct} runs) before the router takes traffic. */
    void start(@Observes RouterStarting starting) {
        // nothing more: being called instantiates the bean
    }
}

package org.interchange.auth;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.annotation.PostConstruct;
import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.event.Observes;
import javax.inject.Inject;

import org.interchange.auth.internal.SubscriberEntity;
import org.interchange.auth.internal.SubscriberTable;
import org.interchange.core.RouterStarting;
import org.interchange.core.Scheduler;
import org.interchange.core.persistence.Database;
import org.interchange.core.persistence.DatabaseUnavailableException;
import org.interchange.core.sip.Aor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscribers: users that may authenticate, keyed by address-of-record, with their HA1 hashes. The realm of a
 * subscriber is its domain, as in OpenSIPS.
 *
 * <p>The whole {@code subscriber} table is kept in memory (about 600 bytes a subscriber), loaded at start and
 * reloaded every {@code auth.subscriber-refresh} by the {@code auth-subscriber-refresh} timer; a reload that fails
 * keeps the copy it had. Lookups read memory only, so that authentication never waits for the database and known
 * users keep calling while it is down. Changes write the database, then memory. Thread-safe: lookups take no lock;
 * changes and reloads are serialised, so that a reload never undoes a change made while it read.
 */
@ApplicationScoped
public class Subscribers {

    private static final Logger log = LoggerFactory.getLogger(Subscribers.class);

    /** A subscriber's key: the user part exactly (case-sensitive, RFC 3261 19.1.4), the domain in lower case. */
    private record Key(String user, String domain) {

        Key {
            domain = domain.toLowerCase(Locale.ROOT);
        }
    }

    private SubscriberTable table;
    private Scheduler scheduler;
    private Duration refreshInterval;
    private final Object changes = new Object();
    private volatile Map<Key, Map<DigestAlgorithm, String>> byUser = new ConcurrentHashMap<>();

    protected Subscribers() {
        // for CDI's proxy
    }

    @Inject
    public Subscribers(Database database, Scheduler scheduler, AuthSettings settings) {
        this.table = new SubscriberTable(database);
        this.scheduler = scheduler;
        this.refreshInterval = settings.subscriberRefresh();
    }

    @PostConstruct
    void load() {
        reload();
        log.info("Subscribers: {} loaded", byUser.size());
        scheduler.every("auth-subscriber-refresh", refreshInterval, this::refresh);
    }

    /** Reloads the table into memory; the {@code auth-subscriber-refresh} timer. A failure keeps the last copy. */
    public void refresh() {
        try {
            reload();
        } catch (DatabaseUnavailableException e) {
            log.warn("Subscribers: reload failed, the {} in memory stay in use: {}", byUser.size(), e.getMessage());
        }
    }

    private void reload() {
        synchronized (changes) {
            Map<Key, Map<DigestAlgorithm, String>> loaded = new ConcurrentHashMap<>();
            for (SubscriberEntity subscriber : table.all()) {
                loaded.put(new Key(subscriber.username(), subscriber.domain()), hashes(subscriber.ha1(),
                        subscriber.ha1Sha256(), subscriber.ha1Sha512t256()));
            }
            byUser = loaded;
        }
    }

    /** The HA1 hash of each algorithm for a user of a realm, if the user exists. */
    public Optional<Map<DigestAlgorithm, String>> ha1s(String username, String realm) {
        return Optional.ofNullable(byUser.get(new Key(username, realm)));
    }

    /** Whether an address-of-record belongs to a subscriber. */
    public boolean exists(Aor aor) {
        return byUser.containsKey(new Key(aor.user(), aor.domain()));
    }

    /**
     * Adds a subscriber, or sets the password of an existing one ({@code subscriber:add}). Only the hashes are
     * stored.
     */
    public void save(Aor aor, String password) {
        if (password.isEmpty()) {
            throw new IllegalArgumentException("the password is empty");
        }
        Map<DigestAlgorithm, String> hashes = hashes(DigestAlgorithm.MD5.ha1(aor.user(), aor.domain(), password),
                DigestAlgorithm.SHA_256.ha1(aor.user(), aor.domain(), password),
                DigestAlgorithm.SHA_512_256.ha1(aor.user(), aor.domain(), password));
        synchronized (changes) {
            table.save(aor.user(), aor.domain(), hashes.get(DigestAlgorithm.MD5), hashes.get(DigestAlgorithm.SHA_256),
                    hashes.get(DigestAlgorithm.SHA_512_256));
            byUser.put(new Key(aor.user(), aor.domain()), hashes);
        }
    }

    /** Removes a subscriber ({@code subscriber:remove}); false when there was none. */
    public boolean remove(Aor aor) {
        synchronized (changes) {
            boolean removed = table.remove(aor.user(), aor.domain());
            byUser.remove(new Key(aor.user(), aor.domain()));
            return removed;
        }
    }

    /** All subscribers, by domain then user ({@code subscriber:list}). */
    public List<Aor> list() {
        return byUser.keySet().stream().map(key -> new Aor(key.user(), key.domain()))
                .sorted(Comparator.comparing(Aor::domain).thenComparing(Aor::user)).toList();
    }

    /** Loads the table (its {@code @PostConstruct}) at start, not at the first request, which must not wait on it. */
    void start(@Observes RouterStarting starting) {
        // nothing more: being called instantiates the bean
    }

    private static Map<DigestAlgorithm, String> hashes(String md5, String sha256, String sha512t256) {
        return Map.of(DigestAlgorithm.MD5, md5, DigestAlgorithm.SHA_256, sha256, DigestAlgorithm.SHA_512_256,
                sha512t256);
    }
}

package org.interchange.location;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

import javax.annotation.PostConstruct;
import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.context.BeforeDestroyed;
import javax.enterprise.inject.Produces;
import javax.enterprise.event.Event;
import javax.enterprise.event.Observes;
import javax.inject.Inject;
import javax.inject.Singleton;

import org.interchange.container.config.RouterConfiguration;
import org.interchange.core.Reloading;
import org.interchange.core.RouterStarting;
import org.interchange.core.Scheduler;
import org.interchange.core.persistence.Database;
import org.interchange.core.persistence.DatabaseUnavailableException;
import org.interchange.core.sip.Aor;
import org.interchange.location.internal.LocationTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contact store. Thread-safe: changes to one address-of-record are serialised by its lock; lookups read an
 * immutable list and take no lock. How changes reach the database is the {@link TableWriter}'s business, chosen by
 * {@code location.db-mode}.
 */
@ApplicationScoped
public class Location {

    /** Lookup order: highest q first, then the most recently refreshed. */
    public static final Comparator<Binding> PREFERENCE = Comparator.comparingDouble(Binding::q).reversed()
            .thenComparing(Binding::lastModified, Comparator.reverseOrder());

    private static final int LOCK_STRIPES = 256;
    private static final Logger log = LoggerFactory.getLogger(Location.class);

    private LocationTable table;
    private Clock clock;
    private Scheduler scheduler;
    private LocationSettings settings;
    private TableWriter writer;
    /** Registration events; absent where the bean is built without CDI (unit tests). */
    @Inject
    Event<RegistrationEvent> events;
    private final Map<Aor, List<Binding>> bindings = new ConcurrentHashMap<>();
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

    protected Location() {
        // for CDI's proxy
    }

    @Inject
    public Location(Database database, Clock clock, Scheduler scheduler, LocationSettings settings) {
        this.table = new LocationTable(database);
        this.clock = clock;
        this.scheduler = scheduler;
        this.settings = settings;
    }

    @PostConstruct
    void load() {
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
        List<Binding> stored = table.unexpired(clock.instant());
        for (Binding binding : stored) {
            bindings.merge(binding.aor(), List.of(binding), Location::concat);
        }
        log.info("Location: {} bindings of {} addresses-of-record loaded; changes are written {}", stored.size(),
                bindings.size(), updateWritesTheDatabase() ? "through to the database"
                        : "behind, to the database every " + settings.flushInterval().toMillis() + " ms");
        writer = switch (settings.dbMode()) {
            case WRITE_THROUGH -> new WriteThrough(table);
            case WRITE_BEHIND -> writeBehind(stored.stream().mapToLong(Binding::id).max().orElse(0));
        };
        scheduler.every("location-expiry", settings.timerInterval(), this::purgeExpired);
    }

    private WriteBehind writeBehind(long highestId) {
        WriteBehind writeBehind = new WriteBehind(table, clock, highestId);
        scheduler.every("location-flush", settings.flushInterval(), writeBehind::flush);
        return writeBehind;
    }

    /**
     * Whether {@link #update} writes the database before it returns (write-through), so that callers keep it off
     * the SIP stack's threads; in write-behind mode it changes memory only.
     */
    public boolean updateWritesTheDatabase() {
        return settings.dbMode() == LocationSettings.DbMode.WRITE_THROUGH;
    }

    /** The unexpired bindings of an address-of-record, most preferred first. */
    public List<Binding> lookup(Aor aor) {
        return unexpired(bindings.getOrDefault(aor, List.of()), clock.instant());
    }

    /**
     * Changes the bindings of an address-of-record atomically. {@code change} receives the unexpired bindings and
     * returns the bindings there shall be: those it keeps or modifies keep their id, new ones have id 0. It may throw
     * to abort the change. In write-through mode the database is written first, and if that fails, nothing
     * changes; in write-behind mode the change is written at the next flush.
     *
     * @return the bindings now stored, most preferred first
     * @throws org.interchange.core.persistence.DatabaseUnavailableException when the database fails (write-through)
     * @throws org.interchange.core.persistence.InvalidDataException when a value does not fit the location table
     */
    public List<Binding> update(Aor aor, UnaryOperator<List<Binding>> change) {
        ReentrantLock lock = lockOf(aor);
        lock.lock();
        List<Binding> before;
        List<Binding> removed;
        List<Binding> sorted;
        try {
            before = unexpired(bindings.getOrDefault(aor, List.of()), clock.instant());
            List<Binding> next = change.apply(before);
            Set<Long> kept = new HashSet<>();
            next.forEach(binding -> kept.add(binding.id()));
            removed = bindings.getOrDefault(aor, List.of()).stream()
                    .filter(binding -> !kept.contains(binding.id())).toList();
            List<Binding> stored = writer.write(aor, removed, next);
            sorted = stored.stream().sorted(PREFERENCE).toList();
            if (sorted.isEmpty()) {
                bindings.remove(aor);
            } else {
                bindings.put(aor, sorted);
            }
        } finally {
            lock.unlock();
        }
        if (events != null) {
            announce(aor, before, removed, sorted);
        }
        return sorted;
    }

    /** Fires the registration events of one change, outside the address-of-record's lock. */
    private void announce(Aor aor, List<Binding> before, List<Binding> removed, List<Binding> now) {
        Map<Long, Binding> earlier = new HashMap<>();
        before.forEach(binding -> earlier.put(binding.id(), binding));
        for (Binding binding : now) {
            Binding old = earlier.get(binding.id());
            if (old == null) {
                events.fire(new RegistrationEvent(RegistrationEvent.Kind.ADDED, aor, binding));
            } else if (!old.equals(binding)) {
                events.fire(new RegistrationEvent(RegistrationEvent.Kind.REFRESHED, aor, binding));
            }
        }
        Instant at = clock.instant();
        for (Binding binding : removed) {
            events.fire(new RegistrationEvent(binding.isExpiredAt(at) ? RegistrationEvent.Kind.EXPIRED
                    : RegistrationEvent.Kind.REMOVED, aor, binding));
        }
    }

    /** Removes every binding of an address-of-record ({@code location:remove}); returns how many there were. */
    public int remove(Aor aor) {
        int[] removed = {0};
        update(aor, current -> {
            removed[0] = current.size();
            return List.of();
        });
        return removed[0];
    }

    /**
     * Removes one binding of an address-of-record, the one whose contact is {@code contact} as registered
     * ({@code ul_rm_contact}); returns whether there was one.
     */
    public boolean removeContact(Aor aor, String contact) {
        boolean[] removed = {false};
        update(aor, current -> {
            List<Binding> kept = current.stream().filter(binding -> !binding.contact().equals(contact)).toList();
            removed[0] = kept.size() < current.size();
            return kept;
        });
        return removed[0];
    }

    /** All unexpired bindings, by address-of-record ({@code location:list}). */
    public Map<Aor, List<Binding>> list() {
        Instant now = clock.instant();
        Map<Aor, List<Binding>> all = new TreeMap<>(Comparator.comparing(Aor::toString));
        bindings.forEach((aor, list) -> {
            List<Binding> live = unexpired(list, now);
            if (!live.isEmpty()) {
                all.put(aor, live);
            }
        });
        return all;
    }

    /**
     * Forgets expired bindings in memory, then deletes them from the database; the {@code location-expiry} timer.
     * Memory is purged even when the database fails: the rows left behind are expired, never loaded again, and
     * deleted by a later run.
     */
    public void purgeExpired() {
        Instant now = clock.instant();
        List<Binding> expired = new ArrayList<>();
        for (Aor aor : List.copyOf(bindings.keySet())) {
            ReentrantLock lock = lockOf(aor);
            lock.lock();
            try {
                List<Binding> all = bindings.getOrDefault(aor, List.of());
                List<Binding> live = unexpired(all, now);
                all.stream().filter(binding -> binding.isExpiredAt(now)).forEach(expired::add);
                if (live.isEmpty()) {
                    bindings.remove(aor);
                } else {
                    bindings.put(aor, live);
                }
            } finally {
                lock.unlock();
            }
        }
        if (events != null) {
            expired.forEach(binding -> events.fire(new RegistrationEvent(RegistrationEvent.Kind.EXPIRED,
                    binding.aor(), binding)));
        }
        try {
            int deleted = writer.deleteExpired(now);
            if (deleted > 0) {
                log.debug("Location: {} expired bindings purged", deleted);
            }
        } catch (DatabaseUnavailableException e) {
            log.warn("Location: expired bindings forgotten in memory but not deleted from the database, "
                    + "left for the next run: {}", e.getMessage());
        }
    }

    @Produces
    @Singleton
    static LocationSettings settings(RouterConfiguration config) {
        return LocationSettings.from(config);
    }

    /** {@code reload}: these settings need a restart, but a bad value refuses the reload as it would the start. */
    static void checkReload(@Observes Reloading reloading) {
        LocationSettings.from(reloading.configuration());
    }

    private ReentrantLock lockOf(Aor aor) {
        return locks[Math.floorMod(aor.hashCode(), LOCK_STRIPES)];
    }

    private static List<Binding> unexpired(List<Binding> list, Instant now) {
        for (Binding binding : list) {
            if (binding.isExpiredAt(now)) {
                return list.stream().filter(b -> !b.isExpiredAt(now)).toList();
            }
        }
        return list;
    }

    private static List<Binding> concat(List<Binding> a, List<Binding> b) {
        List<Binding> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort(PREFERENCE);
        return List.copyOf(all);
    }

    /** Makes the bean ready (its {@code @PostConstruct} runs) before the router takes traffic. */
    void start(@Observes RouterStarting starting) {
        // nothing more: being called instantiates the bean
    }

    /**
     * On a clean stop, before any bean is destroyed (the database closes with its bean): writes the changes not
     * written yet (write-behind).
     */
    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object context) {
        writer.stop();
    }
}

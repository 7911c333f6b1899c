package org.interchange.location;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.interchange.core.persistence.DataConflictException;
import org.interchange.core.persistence.DatabaseUnavailableException;
import org.interchange.core.persistence.InvalidDataException;
import org.interchange.core.sip.Aor;
import org.interchange.location.internal.LocationTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code db_mode=2}: a change is in memory at once and in the table at the next {@link #flush} (the
 * {@code location-flush} timer).
 *
 * <p>The changed addresses-of-record wait in a map, each with its latest bindings: one entry per address-of-record
 * however often it changes, so the backlog is bounded by the number of addresses-of-record. A flush writes them in
 * batches of {@link #BATCH_SIZE}, one transaction each, every address-of-record's rows replaced by its bindings. An
 * entry leaves the map only once the bindings it holds are written: a flush that the database fails keeps them all
 * for the next one, so nothing is lost while the process lives; the outage is logged when it starts and when it ends.
 *
 * <p>Ids: new bindings get ids from a sequence of memory's own, above the highest id loaded at start, so that the
 * REGISTER path never waits for the database. The table keys a flush by address-of-record, and its rows get ids of
 * their own, which become the bindings' ids at the next start. Thread-safe: writes come under the
 * address-of-record's lock; flushes, the expiry delete and the stop take one lock, so that the table never sees two
 * of them at once (a flush and the expiry delete could otherwise deadlock on the same rows).
 */
final class WriteBehind implements TableWriter {

    /** Addresses-of-record per transaction: short transactions, yet one commit for hundreds of REGISTERs. */
    static final int BATCH_SIZE = 200;
    /**
     * How long the expiry delete and the stop wait for a flush under way; a flush ends within a few
     * {@code database.timeout}s, since it stops at the first batch the database fails.
     */
    private static final Duration FLUSH_WAIT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(WriteBehind.class);

    private final LocationTable table;
    private final Clock clock;
    private final AtomicLong ids;
    private final Map<Aor, List<Binding>> changed = new ConcurrentHashMap<>();
    private final ReentrantLock tableLock = new ReentrantLock();
    /** Whether the last flush failed for want of a database; guarded by tableLock. */
    private boolean failing;
    /** Whether the stop's flush ran; guarded by tableLock. */
    private boolean stopped;

    /** @param highestId the highest id of the bindings loaded at start */
    WriteBehind(LocationTable table, Clock clock, long highestId) {
        this.table = table;
        this.clock = clock;
        this.ids = new AtomicLong(highestId);
    }

    @Override
    public List<Binding> write(Aor aor, List<Binding> removed, List<Binding> next) {
        LocationTable.checkWidths(next); // refused now: once accepted, no flush could store it
        List<Binding> identified = next.stream()
                .map(binding -> binding.id() == 0 ? binding.withId(ids.incrementAndGet()) : binding)
                .toList();
        changed.put(aor, identified);
        return identified;
    }

    /** Writes the changed addresses-of-record: the {@code location-flush} timer. */
    void flush() {
        if (!tableLock.tryLock()) {
            return; // the expiry delete is under way: this waits for the next period
        }
        try {
            if (!stopped) {
                writeChanged();
            }
        } finally {
            tableLock.unlock();
        }
    }

    @Override
    public int deleteExpired(Instant now) {
        if (!lockTable()) {
            throw new DatabaseUnavailableException("a flush of changed bindings still holds the table", null);
        }
        try {
            return table.deleteExpired(now);
        } finally {
            tableLock.unlock();
        }
    }

    @Override
    public void stop() {
        if (!lockTable()) {
            log.error("Location: a flush still runs after {} s; the changes of {} addresses-of-record are lost",
                    FLUSH_WAIT.toSeconds(), changed.size());
            return;
        }
        try {
            stopped = true;
            int pending = changed.size();
            if (writeChanged()) {
                if (pending > 0) {
                    log.info("Location: the changes of {} addresses-of-record written before the stop", pending);
                }
            } else {
                log.error("Location: the database is unavailable at the stop: the changes of {} addresses-of-record "
                        + "are lost", changed.size());
            }
        } finally {
            tableLock.unlock();
        }
    }

    /** Writes every changed address-of-record, batch by batch, under tableLock; whether all were written. */
    private boolean writeChanged() {
        List<Map.Entry<Aor, List<Binding>>> pending = List.copyOf(changed.entrySet());
        Instant now = clock.instant();
        for (int from = 0; from < pending.size(); from += BATCH_SIZE) {
            try {
                write(pending.subList(from, Math.min(from + BATCH_SIZE, pending.size())), now);
            } catch (DatabaseUnavailableException e) {
                if (!failing) {
                    failing = true;
                    log.warn("Location: the database is unavailable; the changed addresses-of-record ({} now) stay "
                            + "in memory and are written when it is back: {}", changed.size(), e.getMessage());
                }
                return false;
            }
        }
        if (failing) {
            failing = false;
            log.info("Location: the database is back; the changes held in memory are written");
        }
        return true;
    }

    /**
     * Writes one batch in one transaction. A batch that the database refuses as data (which the width checks
     * should prevent) is written one address-of-record at a time, so that only the culprit is left out: it stays in
     * memory, and is written again when it changes.
     */
    private void write(List<Map.Entry<Aor, List<Binding>>> batch, Instant now) {
        try {
            Map<Aor, List<Binding>> unexpired = new LinkedHashMap<>();
            batch.forEach(entry -> unexpired.put(entry.getKey(),
                    entry.getValue().stream().filter(binding -> !binding.isExpiredAt(now)).toList()));
            table.rewrite(unexpired);
            batch.forEach(entry -> changed.remove(entry.getKey(), entry.getValue()));
        } catch (InvalidDataException | DataConflictException e) {
            if (batch.size() > 1) {
                batch.forEach(entry -> write(List.of(entry), now));
                return;
            }
            Map.Entry<Aor, List<Binding>> culprit = batch.get(0);
            log.error("Location: the database refuses the bindings of {}; they stay in memory only: {}",
                    culprit.getKey(), e.getMessage());
            changed.remove(culprit.getKey(), culprit.getValue());
        }
    }

    /** Takes tableLock, waiting at most FLUSH_WAIT; whether it did. */
    private boolean lockTable() {
        try {
            return tableLock.tryLock(FLUSH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

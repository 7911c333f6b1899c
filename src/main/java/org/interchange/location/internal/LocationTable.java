package org.interchange.location.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.FlushModeType;

import org.interchange.core.persistence.Database;
import org.interchange.core.persistence.InvalidDataException;
import org.interchange.core.sip.Aor;
import org.interchange.core.sip.Endpoint;
import org.interchange.location.Binding;

/** Reads and writes the {@code location} table: bindings in, bindings out. */
public class LocationTable {

    /** Path values are stored as one header field value, as OpenSIPS does. */
    private static final String PATH_SEPARATOR = ",";
    /** The user-agent column is bounded; longer values are cut. */
    private static final int USER_AGENT_LENGTH = 255;

    private final Database database;

    public LocationTable(Database database) {
        this.database = database;
    }

    /** All bindings that have not expired at {@code now}. */
    public List<Binding> unexpired(Instant now) {
        return database.transaction(em -> em
                .createQuery("select l from LocationEntity l where l.expires > :now order by l.contactId",
                        LocationEntity.class)
                .setParameter("now", now.getEpochSecond())
                .getResultStream()
                .map(LocationTable::toBinding)
                .toList());
    }

    /**
     * Replaces the stored bindings of one address-of-record: removes {@code removed}, stores {@code next} (inserting
     * those with id 0), in one transaction. Returns {@code next} with the ids of the inserted rows.
     */
    public List<Binding> replace(Collection<Binding> removed, List<Binding> next) {
        checkWidths(next);
        return database.transaction(em -> {
            for (Binding binding : removed) {
                LocationEntity row = em.find(LocationEntity.class, binding.id());
                if (row != null) {
                    em.remove(row);
                }
            }
            List<Binding> stored = new ArrayList<>(next.size());
            for (Binding binding : next) {
                stored.add(save(em, binding));
            }
            return stored;
        });
    }

    /**
     * Stores the current bindings of several addresses-of-record in one transaction, each in place of whatever rows
     * it had: rows are keyed by address-of-record here, and get new ids (write-behind keeps ids of its own in memory).
     */
    public void rewrite(Map<Aor, List<Binding>> current) {
        database.run(em -> {
            // each address-of-record once, its rows inserted at persist (identity ids): the bulk deletes need no
            // flush of the session before them, which Hibernate's AUTO mode does, dirty-checking every row
            // inserted so far (a third of the flush's CPU at 3,000 REGISTER/s)
            em.setFlushMode(FlushModeType.COMMIT);
            current.forEach((aor, bindings) -> rewrite(em, aor, bindings));
        });
    }

    private static void rewrite(EntityManager em, Aor aor, List<Binding> bindings) {
        em.createQuery("delete from LocationEntity l where l.username = :user and l.domain = :domain")
                .setParameter("user", aor.user())
                .setParameter("domain", aor.domain())
                .executeUpdate();
        for (Binding binding : bindings) {
            LocationEntity row = new LocationEntity();
            fill(row, binding);
            em.persist(row);
        }
    }

    /** Deletes the bindings that have expired at {@code now}; returns how many. */
    public int deleteExpired(Instant now) {
        return database.transaction(em -> em
                .createQuery("delete from LocationEntity l where l.expires <= :now")
                .setParameter("now", now.getEpochSecond())
                .executeUpdate());
    }

    private static Binding save(EntityManager em, Binding binding) {
        LocationEntity row = binding.id() == 0 ? new LocationEntity() : em.find(LocationEntity.class, binding.id());
        if (row == null) {
            row = new LocationEntity(); // removed meanwhile by the expiry timer: store it again
        }
        fill(row, binding);
        if (row.contactId == null) {
            em.persist(row);
            em.flush(); // for the generated id
        }
        return binding.withId(row.contactId);
    }

    private static void fill(LocationEntity row, Binding binding) {
        row.username = binding.aor().user();
        row.domain = binding.aor().domain();
        row.contact = binding.contact();
        row.received = binding.received().map(Endpoint::toString).orElse(null);
        row.path = binding.path().isEmpty() ? null : String.join(PATH_SEPARATOR, binding.path());
        row.expires = binding.expires().getEpochSecond();
        row.q = BigDecimal.valueOf(binding.q()).setScale(3, RoundingMode.HALF_UP);
        row.callId = binding.callId();
        row.cseq = binding.cseq();
        row.lastModified = LocalDateTime.ofInstant(binding.lastModified(), ZoneOffset.UTC);
        row.userAgent = binding.userAgent().length() > USER_AGENT_LENGTH
                ? binding.userAgent().substring(0, USER_AGENT_LENGTH) : binding.userAgent();
        row.socket = binding.socket().map(Endpoint::toString).orElse(null);
    }

    /**
     * Refuses bindings with a value wider than its column (the migration's widths) before they reach the
     * database, naming the SIP field at fault; the database would refuse it too, less clearly, and in write-behind
     * mode only after the change was accepted.
     *
     * @throws InvalidDataException naming the value, such as {@code Call-ID too long (at most 255 characters)}
     */
    public static void checkWidths(Collection<Binding> bindings) {
        bindings.forEach(LocationTable::checkWidths);
    }

    private static void checkWidths(Binding binding) {
        checkWidth("address-of-record user", binding.aor().user(), 64);
        checkWidth("address-of-record domain", binding.aor().domain(), 64);
        checkWidth("Contact", binding.contact(), 512);
        checkWidth("Call-ID", binding.callId(), 255);
        checkWidth("Path", String.join(PATH_SEPARATOR, binding.path()), 512);
        checkWidth("source address", binding.received().map(Endpoint::toString).orElse(""), 128);
    }

    private static void checkWidth(String what, String value, int width) {
        if (value.length() > width) {
            throw new InvalidDataException(what + " too long (at most " + width + " characters)", null);
        }
    }

    private static Binding toBinding(LocationEntity row) {
        return new Binding(row.contactId, new Aor(row.username, row.domain), row.contact, row.q.doubleValue(),
                Instant.ofEpochSecond(row.expires), row.callId, row.cseq, row.lastModified.toInstant(ZoneOffset.UTC),
                Optional.ofNullable(row.received).map(Endpoint::parse), Optional.ofNullable(row.socket).map(Endpoint::parse),
                row.userAgent, row.path == null ? List.of() : Arrays.asList(row.path.split(PATH_SEPARATOR)));
    }
}

package org.interchange.tracing.internal;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.interchange.core.persistence.Database;
import org.interchange.tracing.TracedCall;
import org.interchange.tracing.TracedMessage;

/**
 * The {@code sip_trace} table: written in batches by the tracing backlog's thread, read by the admin API. Every
 * call may take up to {@code database.timeout} and throws what {@link Database} throws. Thread-safe.
 */
public final class SipTraceTable {

    /** The most messages of one Call-ID returned at once. */
    public static final int MAX_MESSAGES = 1000;

    private final Database database;

    public SipTraceTable(Database database) {
        this.database = database;
    }

    /** Writes the messages in one transaction. */
    public void write(List<TracedMessage> messages) {
        database.run(em -> messages.forEach(message -> em.persist(new SipTraceEntity(message))));
    }

    /** The stored messages of a Call-ID in the order they were traced, at most {@value #MAX_MESSAGES}. */
    public List<TracedMessage> messages(String callId) {
        return database.transaction(em -> em.createQuery(
                        "select t from SipTraceEntity t where t.callId = :callId order by t.id", SipTraceEntity.class)
                .setParameter("callId", callId).setMaxResults(MAX_MESSAGES).getResultList()
                .stream().map(SipTraceEntity::message).toList());
    }

    /** The Call-IDs traced most recently first, with their first message's From and To. */
    public List<TracedCall> calls(int limit) {
        return database.transaction(em -> {
            List<Object[]> rows = em.createQuery("select t.callId, min(t.id), count(t) from SipTraceEntity t "
                    + "group by t.callId order by min(t.id) desc", Object[].class).setMaxResults(limit)
                    .getResultList();
            List<TracedCall> calls = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                SipTraceEntity first = em.find(SipTraceEntity.class, row[1]);
                calls.add(new TracedCall((String) row[0], first.timeStamp.toInstant(ZoneOffset.UTC),
                        headerField(first.msg, "From", "f"), headerField(first.msg, "To", "t"), (Long) row[2]));
            }
            return calls;
        });
    }

    /** The value of a header field in a message's text, by its name or compact form; empty when absent. */
    static String headerField(String message, String name, String compact) {
        for (String line : message.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                String field = line.substring(0, colon).trim();
                if (field.equalsIgnoreCase(name) || field.equalsIgnoreCase(compact)) {
                    return line.substring(colon + 1).trim();
                }
            }
        }
        return "";
    }
}

package org.interchange.container;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.servlet.sip.SipServletRequest;
import javax.sip.message.Request;

import org.mobicents.servlet.sip.core.message.MobicentsSipServletMessage;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;

/**
 * A request as the router received it ({@link ReceivedMessageParserFactory} parses every request into one), with the
 * notes the router keeps on it: the servlet-to-container hand-off. Notes are a field of the message object, never
 * header fields: nothing a peer writes into a message can set one, and they never reach the wire. MSS copies a
 * received request for each proxy branch and again when it sends one ({@code clone()}, which copies the field), so a
 * note set on a branch request travels with it to the stack's router, and a note set on one branch is not seen by
 * another.
 *
 * <p>Normally keyed as JAIN-SIP keys it (its branch); when another sender's transaction already has that branch,
 * keyed by branch and sent-by as long as its top Via is the one it arrived with (a copy forwarded under a new top Via
 * is keyed by that Via's branch, as usual).
 */
public final class ReceivedRequest extends SIPRequest {

    /**
     * The key of a kind of note, naming it in logs. Notes are told apart by their key's identity, so a key is a
     * constant of the code that writes and reads its notes.
     *
     * @param <T> the type of the notes
     */
    public static final class Note<T> {
        private final String name;

        public Note(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final long serialVersionUID = 1L;

    private String sentByBranch;
    /** Immutable, replaced on change: a copy of this request shares it until one of the two changes its notes. */
    private transient Map<Note<?>, Object> notes = Map.of();

    ReceivedRequest() {
    }

    /** The received request (or copy of one) behind a servlet request; empty for a request created otherwise. */
    public static Optional<ReceivedRequest> of(SipServletRequest request) {
        return request instanceof MobicentsSipServletMessage message ? of((Request) message.getMessage())
                : Optional.empty();
    }

    /** The request as a received request (or copy of one); empty for a request created otherwise. */
    public static Optional<ReceivedRequest> of(Request request) {
        return request instanceof ReceivedRequest received ? Optional.of(received) : Optional.empty();
    }

    /** Sets a note, replacing one of the same key. */
    public <T> void note(Note<T> key, T value) {
        Map<Note<?>, Object> changed = new HashMap<>(notes());
        changed.put(key, value);
        notes = Map.copyOf(changed);
    }

    /** The note of that key. */
    public <T> Optional<T> note(Note<T> key) {
        @SuppressWarnings("unchecked") // note(key, value) stores only Ts under a Note<T>
        T value = (T) notes().get(key);
        return Optional.ofNullable(value);
    }

    /** The note of that key, which this request then no longer has. */
    public <T> Optional<T> takeNote(Note<T> key) {
        Optional<T> value = note(key);
        if (value.isPresent()) {
            Map<Note<?>, Object> changed = new HashMap<>(notes);
            changed.remove(key);
            notes = Map.copyOf(changed);
        }
        return value;
    }

    void keyBySentBy() {
        sentByBranch = getTopmostVia().getBranch();
    }

    @Override
    public String getTransactionId() {
        String key = super.getTransactionId();
        Via top = getTopmostVia();
        return sentByBranch != null && top != null && sentByBranch.equals(top.getBranch())
                ? key + "|" + top.getSentBy().encode().toLowerCase(Locale.ROOT) : key;
    }

    private Map<Note<?>, Object> notes() {
        return notes == null ? Map.of() : notes; // null after deserialisation
    }
}

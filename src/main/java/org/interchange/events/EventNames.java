package org.interchange.events;

import java.util.Set;

/**
 * The names of the events the router delivers. Where OpenSIPS raises an event for the same thing, its name is kept
 * (usrloc's {@code E_UL_CONTACT_*}), so that consumers written for OpenSIPS's event interface subscribe to the same
 * names; the others are the router's own, in the same form.
 */
public final class EventNames {

    /** A new binding (RegistrationEvent ADDED); OpenSIPS usrloc's event of that name. */
    public static final String CONTACT_INSERT = "E_UL_CONTACT_INSERT";
    /** A binding registered again (REFRESHED); OpenSIPS raises E_UL_CONTACT_UPDATE for a re-registration too. */
    public static final String CONTACT_UPDATE = "E_UL_CONTACT_UPDATE";
    /**
     * A binding removed by its phone or the admin API, or expired (REMOVED, EXPIRED; the {@code kind} parameter
     * tells which), as OpenSIPS raises E_UL_CONTACT_DELETE for both.
     */
    public static final String CONTACT_DELETE = "E_UL_CONTACT_DELETE";
    /** The socket policy used another listener than a rule asked for, or than the kernel's route pointed at. */
    public static final String SOCKET_FALLBACK = "E_SOCKET_FALLBACK";
    /** The database stopped answering (org.interchange.health's DatabaseStateChanged, reachable false). */
    public static final String DATABASE_DOWN = "E_DATABASE_DOWN";
    /** The database answers again. */
    public static final String DATABASE_UP = "E_DATABASE_UP";
    /** Sent by {@code POST /api/events/test}, to check a destination. */
    public static final String TEST = "E_INTERCHANGE_TEST";

    /** Every name, for the check of {@code events.destination.<name>.events}. */
    public static final Set<String> ALL = Set.of(CONTACT_INSERT, CONTACT_UPDATE, CONTACT_DELETE, SOCKET_FALLBACK,
            DATABASE_DOWN, DATABASE_UP, TEST);

    private EventNames() {
    }
}

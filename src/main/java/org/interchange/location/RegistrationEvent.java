package org.interchange.location;

import org.interchange.core.sip.Aor;

/**
 * A change of a registration, fired as a CDI event by {@link Location} (OpenSIPS's {@code E_UL_CONTACT_INSERT},
 * {@code _UPDATE}, {@code _DELETE} and expiry, which scripts handle in an {@code event_route}). Observe it with
 * {@code @Observes RegistrationEvent}: observers run on the thread that changed the registration (a SIP thread, or
 * the expiry timer) after the change, so they must be quick and must not wait on the network; hand slow work to a
 * bounded executor of your own.
 *
 * @param kind    what happened
 * @param aor     the address-of-record
 * @param binding the binding as it is now (added, refreshed) or was (removed, expired)
 */
public record RegistrationEvent(Kind kind, Aor aor, Binding binding) {

    public enum Kind {
        /** A new binding. */
        ADDED,
        /** A binding registered again (new expiry, CSeq or contact parameters). */
        REFRESHED,
        /** A binding removed by its user (expires 0, {@code *}) or the admin API. */
        REMOVED,
        /** A binding that expired without being refreshed. */
        EXPIRED
    }
}

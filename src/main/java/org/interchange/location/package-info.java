/**
 * This is our location module: the contact store that the registrar writes and the proxy reads, a counterpart of
 * OpenSIPS's usrloc with its {@code db_mode} 2 (write-back, here write-behind) or 1 (write-through).
 *
 * <p>Every binding lives in memory and in the {@code location} table. A change to an address-of-record is applied
 * under that address-of-record's lock. Lookups read memory only, and keep working while the database is down. At
 * start the unexpired bindings are loaded back, so registrations survive a restart. {@code location.db-mode} says
 * when a change reaches the table:
 * <ul>
 * <li>{@code write-behind} (the default): memory at once; the address-of-record is noted as changed, and the
 * {@code location-flush} timer writes the changed ones every {@code location.flush-interval} (default 1000 ms), in
 * batches of one transaction each, and a clean stop writes what is left before the database closes. The REGISTER
 * path never waits for the database: this is what lets REGISTER/s approach an in-memory registrar's. A flush the
 * database fails keeps every change for the next one (the backlog holds one entry per address-of-record, so it is
 * bounded by their number, however long the outage); the log says when the outage starts and when it ends. The price:
 * a crash (kill -9, power loss) loses the changes of the last flush interval, plus all those made while the database
 * was unreachable; after the restart those phones have their older bindings until they register again.
 * <li>{@code write-through}: written to the database first, then to memory, so that a failing database refuses the
 * change (the registrar answers 500) and a crash loses nothing answered; every REGISTER waits for a database write,
 * on the registrar's threads.
 * </ul>
 * Write-behind is the default because a registration is soft state that phones refresh every few minutes: losing a
 * second of it at a crash costs far less than capping every REGISTER at the database's write rate.
 *
 * <p>Ids: a binding's id tells it apart from the others of its address-of-record in memory. Write-through takes the
 * table's generated row id; write-behind takes the next of a sequence in memory that starts above the highest id
 * loaded, and its flush replaces an address-of-record's rows as a whole (keyed by user and domain), whose new row ids
 * become the bindings' ids at the next start. No schema change: both modes use the same table.
 *
 * <p>Exports {@link org.interchange.location.Location} ({@code lookup}, {@code update}, {@code list}, {@code remove})
 * and the {@link org.interchange.location.Binding} record. Config: {@code location.timer-interval} (seconds between
 * purges of expired bindings, default 60), {@code location.db-mode}, {@code location.flush-interval}. Timers:
 * {@code location-expiry}, {@code location-flush} (write-behind). Table: {@code location}.
 *
 * <p>MI commands ({@link org.interchange.location.LocationCommands}, usrloc's): {@code ul_dump [brief]},
 * {@code ul_show_contact table_name aor}, {@code ul_rm table_name aor}, {@code ul_rm_contact table_name aor contact}
 * (the one table is {@code location}; an address-of-record is {@code user@domain}).
 */
package org.interchange.location;

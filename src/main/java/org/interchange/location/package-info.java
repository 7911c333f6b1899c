/**
 * This is our location module: the contact store that the registrar writes and the proxy reads, a counterpart of
 * OpenSIPS's usrloc (in write-through mode, {@code db_mode=1}).
 *
 * <p>Every binding lives in the {@code location} table and in memory. A change to an address-of-record is applied
 * under that address-of-record's lock: written to the database first, then to memory, so that a failing database
 * refuses the change and loses nothing already stored. Lookups read memory only, and keep working while the
 * database is down. At start the unexpired bindings are loaded back, so registrations survive a restart.
 *
 * <p>Exports {@link org.interchange.location.Location} ({@code lookup}, {@code update}, {@code list}, {@code remove})
 * and the {@link org.interchange.location.Binding} record. Config: {@code location.timer-interval} (seconds between
 * purges of expired bindings, default 60). Timer: {@code location-expiry}. Table: {@code location}.
 */
package org.interchange.location;

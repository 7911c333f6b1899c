package org.interchange.location;

import java.time.Instant;
import java.util.List;

import org.interchange.core.sip.Aor;

/**
 * How the changes {@link Location} makes in memory reach the {@code location} table: usrloc's {@code db_mode}, one
 * implementation per mode ({@link WriteThrough}, {@link WriteBehind}).
 */
interface TableWriter {

    /**
     * Called under the address-of-record's lock, before memory changes: gives the new bindings of {@code next}
     * (id 0) their ids, and returns them. Throwing refuses the change, which then changes nothing.
     *
     * @param removed the bindings memory held that {@code next} drops
     * @throws org.interchange.core.persistence.DatabaseUnavailableException when the database fails (write-through)
     * @throws org.interchange.core.persistence.InvalidDataException when a value does not fit the table
     */
    List<Binding> write(Aor aor, List<Binding> removed, List<Binding> next);

    /**
     * Deletes the rows expired at {@code now}; how many.
     *
     * @throws org.interchange.core.persistence.DatabaseUnavailableException when the database fails
     */
    int deleteExpired(Instant now);

    /** Called once on a clean stop, before the database closes: writes what is not written yet. */
    void stop();
}

package org.interchange.location;

import java.time.Instant;
import java.util.List;

import org.interchange.core.sip.Aor;
import org.interchange.location.internal.LocationTable;

/** {@code db_mode=1}: a change is in the table before it is in memory; the table gives new bindings their ids. */
final class WriteThrough implements TableWriter {

    private final LocationTable table;

    WriteThrough(LocationTable table) {
        this.table = table;
    }

    @Override
    public List<Binding> write(Aor aor, List<Binding> removed, List<Binding> next) {
        return table.replace(removed, next);
    }

    @Override
    public int deleteExpired(Instant now) {
        return table.deleteExpired(now);
    }

    @Override
    public void stop() {
        // every change is written already
    }
}

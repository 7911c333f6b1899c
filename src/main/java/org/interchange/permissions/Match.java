package org.interchange.permissions;

import java.util.Optional;

/** The row of the address table that a source matched: its group and context are the answer of a lookup. */
public record Match(AddressEntry entry) {

    /** The group of the row ({@code get_source_group}'s result). */
    public int group() {
        return entry.rule().group();
    }

    /** The row's {@code context_info} ({@code check_address}'s output variable). */
    public Optional<String> contextInfo() {
        return entry.rule().contextInfo();
    }

    /** The id of the row, for logs and the admin API. */
    public long id() {
        return entry.id();
    }
}

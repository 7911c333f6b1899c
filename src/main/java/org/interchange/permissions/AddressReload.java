package org.interchange.permissions;

import java.util.List;

/**
 * What a reload of the address table found ({@code address_reload}).
 *
 * @param loaded  rows now matched (those with proto {@code none} included: they are listed, never matched)
 * @param skipped rows left out because they cannot be matched, with the reason
 */
public record AddressReload(int loaded, List<Skipped> skipped) {

    /** A row of the table that is not loaded, and why. */
    public record Skipped(long id, String reason) {
    }

    public AddressReload {
        skipped = List.copyOf(skipped);
    }
}

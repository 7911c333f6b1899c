package org.interchange.dialplan;

import java.util.List;

/**
 * What a load of the {@code dialplan} table put in use ({@code dp_reload}'s outcome).
 *
 * @param sets     rule sets (distinct dpid) with at least one rule in use
 * @param rules    rules in use
 * @param disabled rules kept in the table but not used
 * @param skipped  rows that are not rules, or rules that do not compile, and why; the others are in use
 */
public record DialplanLoad(int sets, int rules, int disabled, List<Skipped> skipped) {

    /**
     * A row left out.
     *
     * @param id     its id
     * @param reason the column at fault and what is wrong with it
     */
    public record Skipped(long id, String reason) {
    }

    public DialplanLoad {
        skipped = List.copyOf(skipped);
    }
}

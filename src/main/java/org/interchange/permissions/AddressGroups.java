package org.interchange.permissions;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.annotation.PostConstruct;
import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.event.Observes;
import javax.inject.Inject;

import org.interchange.container.config.Transport;
import org.interchange.core.RouterStarting;
import org.interchange.core.persistence.Database;
import org.interchange.permissions.internal.AddressTable;
import org.interchange.permissions.internal.NetworkIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The address groups: the rows of the {@code address} table, in memory, for lookups by source address on every
 * request (OpenSIPS's {@code get_source_group}, {@code check_address}) and for the admin commands.
 *
 * <p>Lookups read an immutable snapshot of the whole table, which a reload builds aside and swaps in at once: a
 * request sees the table before or after a change, never half of it. Changes through this bean write the table and
 * reload it before they return, so they take effect at once; changes made with SQL take effect at the next
 * {@link #reload()}. A row that cannot be matched (written with SQL: not an IP address, a mask too long, an unknown
 * transport...) is left out with a warning naming its id and why; the other rows load.
 *
 * <p>Which row a lookup returns when several match: the one of the lowest group; within that group the one with
 * the longest prefix (a host before its network); then the lowest id. The cost: one copy of the address's bytes
 * and one hash probe per distinct mask length of the address's family in the table.
 *
 * <p>Thread-safe. Lookups never block and do not touch the database; changes and reloads are serialised.
 */
@ApplicationScoped
public class AddressGroups {

    private static final Logger log = LoggerFactory.getLogger(AddressGroups.class);

    private AddressTable table;
    private volatile Snapshot snapshot = Snapshot.EMPTY;

    /** The table as loaded: its rows, the index over them, the rows left out. */
    private record Snapshot(List<AddressEntry> entries, NetworkIndex<Optional<Match>> index,
                            List<AddressReload.Skipped> skipped) {

        static final Snapshot EMPTY = new Snapshot(List.of(), NetworkIndex.<Optional<Match>>builder().build(),
                List.of());
    }

    protected AddressGroups() {
        // for CDI's proxy
    }

    @Inject
    public AddressGroups(Database database) {
        this(new AddressTable(database));
    }

    AddressGroups(AddressTable table) {
        this.table = table;
    }

    @PostConstruct
    void load() {
        reload();
    }

    /**
     * The row that a request's source falls in, in any group ({@code get_source_group}). Rows with a pattern match
     * whatever their pattern, as in OpenSIPS.
     *
     * @param source    the address the request came from
     * @param port      its port
     * @param transport the transport it arrived on
     * @return the row of the lowest group that matches; empty when none does
     */
    /** Whether the table has no row in use: the source-group step then has nothing to look up. */
    public boolean isEmpty() {
        return snapshot.entries().isEmpty();
    }

    public Optional<Match> sourceGroup(InetAddress source, int port, Transport transport) {
        return find(source, NetworkIndex.ANY_GROUP, port, Proto.of(transport), null);
    }

    /**
     * Whether an address is in a group ({@code check_address} without a pattern argument): rows with a pattern
     * match whatever their pattern.
     *
     * @param group the group, or 0 for any group
     * @param port  the port, or 0: then rows of every port match
     * @param proto the transport, or {@link Proto#ANY}: then rows of every transport match
     * @return the best matching row (the lowest group, then the longest prefix, then the lowest id); its
     *         {@link Match#contextInfo()} is {@code check_address}'s output
     */
    public Optional<Match> check(int group, InetAddress ip, int port, Proto proto) {
        return find(ip, group, port, proto, null);
    }

    /**
     * Whether an address is in a group and a string matches the row's pattern ({@code check_address} with a pattern
     * argument, such as the From URI): rows without a pattern match any string.
     *
     * @param subject the string the rows' wildcard patterns must match
     * @see #check(int, InetAddress, int, Proto)
     */
    public Optional<Match> check(int group, InetAddress ip, int port, Proto proto, String subject) {
        return find(ip, group, port, proto, Objects.requireNonNull(subject, "subject"));
    }

    private Optional<Match> find(InetAddress ip, int group, int port, Proto proto, String subject) {
        Optional<Match> match = snapshot.index().find(ip, group, port, proto, subject);
        return match != null ? match : Optional.empty();
    }

    /** The rows loaded, by id ({@code address_dump}); rows skipped at the last reload are not among them. */
    public List<AddressEntry> list() {
        return snapshot.entries();
    }

    /**
     * Adds a row; it takes effect before this returns.
     *
     * @return its id
     */
    public synchronized long add(AddressRule rule) {
        long id = table.add(row(rule));
        log.info("Address table: row {} added: {}", id, rule);
        load(false);
        return id;
    }

    /**
     * Replaces what row {@code id} says; it takes effect before this returns.
     *
     * @return false when there is no such row
     */
    public synchronized boolean change(long id, AddressRule rule) {
        boolean changed = table.change(id, row(rule));
        if (changed) {
            log.info("Address table: row {} changed: {}", id, rule);
            load(false);
        }
        return changed;
    }

    /**
     * Removes row {@code id}; it takes effect before this returns.
     *
     * @return false when there is no such row
     */
    public synchronized boolean remove(long id) {
        boolean removed = table.remove(id);
        if (removed) {
            log.info("Address table: row {} removed", id);
            load(false);
        }
        return removed;
    }

    /**
     * Reads the table again and swaps the new snapshot in ({@code address_reload}). When the database fails, the
     * snapshot in use stays.
     */
    public synchronized AddressReload reload() {
        return load(true);
    }

    private AddressReload load(boolean report) {
        List<AddressEntry> entries = new ArrayList<>();
        List<AddressReload.Skipped> skipped = new ArrayList<>();
        NetworkIndex.Builder<Optional<Match>> index = NetworkIndex.builder();
        for (AddressTable.Row row : table.all()) {
            AddressRule rule;
            try {
                rule = AddressRule.of(row.grp(), row.ip(), row.mask(), row.port(), row.proto(), row.pattern(),
                        row.contextInfo());
            } catch (InvalidAddressException e) {
                log.warn("Address table: row {} skipped: {}", row.id(), e.getMessage());
                skipped.add(new AddressReload.Skipped(row.id(), e.getMessage()));
                continue;
            }
            AddressEntry entry = new AddressEntry(row.id(), rule);
            entries.add(entry);
            index.add(rule.ip(), rule.mask(), rule.group(), rule.port(), rule.proto(), rule.wildcard().orElse(null),
                    Optional.of(new Match(entry)));
        }
        snapshot = new Snapshot(List.copyOf(entries), index.build(), List.copyOf(skipped));
        if (report) {
            log.info("Address table: {} rows loaded in {} groups, {} skipped", entries.size(),
                    entries.stream().mapToInt(entry -> entry.rule().group()).distinct().count(), skipped.size());
        }
        return new AddressReload(entries.size(), skipped);
    }

    private static AddressTable.Row row(AddressRule rule) {
        return new AddressTable.Row(null, rule.group(), rule.ipText(), rule.mask(), rule.port(), rule.proto().token(),
                rule.pattern().orElse(null), rule.contextInfo().orElse(null));
    }

    /** Loads the table (its {@code @PostConstruct} runs) before the router takes traffic. */
    void start(@Observes RouterStarting starting) {
        // nothing more: being called instantiates the bean
    }
}

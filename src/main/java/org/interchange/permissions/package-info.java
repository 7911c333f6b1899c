/**
 * This is our permissions module, its address part: address groups, which tell where a request comes from by its
 * source address, port and transport (the router itself, the media servers, an IVR, a carrier), so that the
 * routing logic can act on the direction of a request and trust some sources without authentication.
 *
 * <p>Counterpart of OpenSIPS's permissions module, table {@code address}: {@code get_source_group}
 * ({@link org.interchange.permissions.AddressGroups#sourceGroup}), {@code check_address} and
 * {@code check_source_address} ({@link org.interchange.permissions.AddressGroups#check}: the latter is the former
 * with the request's source), and the MI commands {@code address_reload} and {@code address_dump}. Their semantics
 * are OpenSIPS's: port 0 in a row or in a lookup matches any port, proto {@code any} matches any transport, group 0
 * in a check looks in every group, a row's pattern is a shell wildcard pattern ({@code fnmatch} with
 * {@code FNM_PERIOD}) matched against the string a check gives, and a row with a pattern matches any lookup that
 * gives no string; {@code context_info} is handed back with the row that matched. OpenSIPS's partitions (several
 * address tables, from several databases) are left out: there is one, the default. Its file-based functions
 * ({@code allow_routing}, {@code allow_register}, {@code allow_uri}) are not here either.
 *
 * <p>Where we differ, and why:
 * <ul>
 * <li>Which row wins when several match, in a group or in any: the row of the lowest group (as OpenSIPS 3.6,
 * which walks the groups in ascending order), within it the longest prefix (OpenSIPS takes hosts first, then
 * networks widest first), then the lowest id. The answer does not depend on the order rows were loaded in, and the
 * most specific row gives its {@code context_info}.</li>
 * <li>{@code get_source_group} in OpenSIPS ignores the transport although its documentation names it; here the
 * transport counts, as a row for {@code tls} is meant to.</li>
 * <li>A pattern with an unterminated {@code [} or a trailing backslash, which {@code fnmatch} would take
 * literally, is refused (at load, the row is skipped with a warning).</li>
 * <li>Rows for {@code sctp}, {@code ws} and {@code wss} load, but the router receives none of these, so they only
 * match a check for transport {@code any}. Proto {@code none} disables a row, as in OpenSIPS.</li>
 * </ul>
 *
 * <p>Exports {@link org.interchange.permissions.AddressGroups} (lookups; the admin commands list, add, change,
 * remove, reload), the values {@link org.interchange.permissions.AddressRule} (what a row says, validated),
 * {@link org.interchange.permissions.AddressEntry} (a row with its id), {@link org.interchange.permissions.Match},
 * {@link org.interchange.permissions.Proto}, {@link org.interchange.permissions.AddressReload} and
 * {@link org.interchange.permissions.InvalidAddressException} (a refused row, with the field and the reason). No
 * configuration keys, no named tasks. Table: {@code address} (migration V6, OpenSIPS's columns {@code id, grp, ip,
 * mask, port, proto, pattern, context_info} and defaults). Admin API: {@code /api/address} (see
 * {@code org.interchange.mgmt}).
 *
 * <p>The cost of a lookup: the table lives in memory as an index per address family and prefix length
 * ({@code internal.NetworkIndex}), so a lookup copies the address's 4 or 16 bytes and makes one hash probe per
 * distinct mask length of that family in the table (hosts and /24s: two probes), then checks the few rows of the
 * networks found for port, transport and pattern. Nothing is parsed and nothing touches the database on a lookup;
 * reads of the snapshot take no lock. Depends on the core (database, configuration's IP literals) only.
 *
 * <p>MI commands: {@link org.interchange.permissions.AddressCommands} (one partition, {@code default}).
 */
package org.interchange.permissions;

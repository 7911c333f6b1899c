package org.interchange.permissions;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import javax.enterprise.context.Dependent;
import javax.enterprise.inject.Produces;

import org.interchange.container.config.IpAddresses;
import org.interchange.mi.spi.MiCommand;
import org.interchange.mi.spi.MiError;
import org.interchange.mi.spi.MiParams;

/**
 * The permissions module's MI commands over the address table, in OpenSIPS's shapes: {@code address_dump} (the
 * rows of single addresses), {@code subnet_dump} (the rows of networks) and {@code address_reload}. There is one
 * partition, {@code default}.
 */
@Dependent
public class AddressCommands {

    static final String PARTITION = "default";

    private static final List<List<String>> PARTITION_OR_NONE = List.of(List.of(), List.of("partition"));

    /** The rows of single addresses (a /32 or /128 mask), with the table's column names. */
    @Produces
    MiCommand addressDump(AddressGroups groups) {
        return MiCommand.of("address_dump", PARTITION_OR_NONE,
                params -> dump(params, groups, AddressCommands::isSingleAddress));
    }

    /** The rows of networks, their mask written as an address ({@code 255.255.255.0}), as OpenSIPS prints it. */
    @Produces
    MiCommand subnetDump(AddressGroups groups) {
        return MiCommand.of("subnet_dump", PARTITION_OR_NONE,
                params -> dump(params, groups, Predicate.not(AddressCommands::isSingleAddress)));
    }

    /** Reads the address table again; the rows skipped are in the router's log, as OpenSIPS's. */
    @Produces
    MiCommand addressReload(AddressGroups groups) {
        return MiCommand.of("address_reload", PARTITION_OR_NONE, params -> {
            if (params.has("partition") && !PARTITION.equals(params.text("partition"))) {
                throw new MiError(400, "Trusted table reload failed");
            }
            groups.reload();
            return "OK";
        });
    }

    /**
     * Without a partition, {@code {"Partitions": [{"name", "Destinations"}]}}; with one, OpenSIPS's flat
     * {@code {"part", "Destinations"}}.
     */
    private static Map<String, Object> dump(MiParams params, AddressGroups groups, Predicate<AddressRule> rows) {
        if (params.has("partition") && !PARTITION.equals(params.text("partition"))) {
            throw new MiError(404, "No such partition");
        }
        List<Map<String, Object>> destinations = groups.list().stream().map(AddressEntry::rule).filter(rows)
                .map(AddressCommands::row).toList();
        Map<String, Object> partition = new LinkedHashMap<>();
        partition.put(params.has("partition") ? "part" : "name", PARTITION);
        partition.put("Destinations", destinations);
        return params.has("partition") ? partition : Map.of("Partitions", List.of(partition));
    }

    private static boolean isSingleAddress(AddressRule rule) {
        return rule.mask() == rule.ip().getAddress().length * 8;
    }

    /** A row as OpenSIPS prints it: every value a string but {@code grp} and {@code port}, absent ones empty. */
    private static Map<String, Object> row(AddressRule rule) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("grp", rule.group());
        row.put("ip", IpAddresses.text(rule.ip()));
        row.put("mask", isSingleAddress(rule) ? String.valueOf(rule.mask()) : maskAddress(rule));
        row.put("port", rule.port());
        row.put("proto", rule.proto().token());
        row.put("pattern", rule.pattern().orElse(""));
        row.put("context_info", rule.contextInfo().orElse(""));
        return row;
    }

    /** A prefix length as the address of its mask: 24 bits of IPv4 are {@code 255.255.255.0}. */
    private static String maskAddress(AddressRule rule) {
        byte[] mask = new byte[rule.ip().getAddress().length];
        for (int bit = 0; bit < rule.mask(); bit++) {
            mask[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        try {
            return IpAddresses.text(InetAddress.getByAddress(mask));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 octets are an address", e);
        }
    }
}

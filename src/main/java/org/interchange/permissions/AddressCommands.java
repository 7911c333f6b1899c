package org.interchange.permissions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.enterprise.context.Dependent;
import javax.enterprise.inject.Produces;

import org.interchange.container.config.IpAddresses;
import org.interchange.mi.spi.MiCommand;
import org.interchange.mi.spi.MiError;
import org.interchange.mi.spi.MiParams;

/**
 * The permissions module's MI commands over the address table: {@code address_dump} and {@code address_reload}.
 * There is one partition, {@code default}.
 */
@Dependent
public class AddressCommands {

    static final String PARTITION = "default";

    /** Every row in use, with the table's column names, in OpenSIPS's partition shape. */
    @Produces
    MiCommand addressDump(AddressGroups groups) {
        return MiCommand.of("address_dump", List.of(List.of(), List.of("partition")), params -> {
            checkPartition(params);
            Map<String, Object> partition = new LinkedHashMap<>();
            partition.put("name", PARTITION);
            partition.put("Destinations", groups.list().stream().map(AddressCommands::row).toList());
            return Map.of("Partitions", List.of(partition));
        });
    }

    /** Reads the address table again; the rows skipped are in the router's log, as OpenSIPS's. */
    @Produces
    MiCommand addressReload(AddressGroups groups) {
        return MiCommand.of("address_reload", List.of(List.of(), List.of("partition")), params -> {
            checkPartition(params);
            groups.reload();
            return "OK";
        });
    }

    private static void checkPartition(MiParams params) {
        if (params.has("partition") && !PARTITION.equals(params.text("partition"))) {
            throw new MiError(404, "No such partition");
        }
    }

    private static Map<String, Object> row(AddressEntry entry) {
        AddressRule rule = entry.rule();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("grp", rule.group());
        row.put("ip", IpAddresses.text(rule.ip()));
        row.put("mask", rule.mask());
        row.put("port", rule.port());
        row.put("proto", rule.proto().token());
        row.put("pattern", rule.pattern().orElse(null));
        row.put("context_info", rule.contextInfo().orElse(null));
        return row;
    }
}

package org.interchange.dialplan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.enterprise.context.Dependent;
import javax.enterprise.inject.Produces;

import org.interchange.mi.spi.MiCommand;
import org.interchange.mi.spi.MiError;
import org.interchange.mi.spi.MiParams;

/**
 * The dialplan module's MI commands, with OpenSIPS's parameter sets, answers and errors: {@code dp_reload} and
 * {@code dp_translate}. There is one partition, {@code default}.
 */
@Dependent
public class DialplanCommands {

    private static final String PARTITION = "default";

    /** Reads the dialplan table again; the rows skipped are in the router's log. */
    @Produces
    MiCommand dpReload(Dialplan dialplan) {
        return MiCommand.of("dp_reload", List.of(List.of(), List.of("partition")), params -> {
            checkPartition(params);
            dialplan.reload();
            return "OK";
        });
    }

    /** The first rule of set {@code dpid} that translates {@code input} (no chaining, as OpenSIPS's). */
    @Produces
    MiCommand dpTranslate(Dialplan dialplan) {
        return MiCommand.of("dp_translate",
                List.of(List.of("dpid", "input"), List.of("dpid", "input", "partition")), params -> {
                    String dpidText = params.text("dpid").trim();
                    if (dpidText.isEmpty()) {
                        throw new MiError(404, "Empty id parameter");
                    }
                    int dpid;
                    try {
                        dpid = Integer.parseInt(dpidText);
                    } catch (NumberFormatException e) {
                        throw new MiError(404, "Wrong id parameter");
                    }
                    String input = params.text("input");
                    if (input.isEmpty()) {
                        throw new MiError(404, "Empty input parameter");
                    }
                    checkPartition(params);
                    if (!dialplan.hasSet(dpid)) {
                        throw new MiError(404, "No information available for dpid");
                    }
                    Translation translation = dialplan.translate(dpid, input)
                            .orElseThrow(() -> new MiError(404, "No translation"));
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("Output", translation.output());
                    result.put("ATTRIBUTES", translation.attrs());
                    return result;
                });
    }

    private static void checkPartition(MiParams params) {
        if (params.has("partition") && !PARTITION.equals(params.text("partition"))) {
            throw new MiError(400, "Partition not found");
        }
    }
}

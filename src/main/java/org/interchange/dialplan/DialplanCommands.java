package org.interchange.dialplan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.enterprise.context.Dependent;
import javax.enterprise.inject.Produces;

import org.interchange.mi.spi.MiCommand;
import org.interchange.mi.spi.MiError;

/** The dialplan module's MI commands: {@code dp_reload} and {@code dp_translate}. */
@Dependent
public class DialplanCommands {

    /** Reads the dialplan table again; the rows skipped are in the router's log. */
    @Produces
    MiCommand dpReload(Dialplan dialplan) {
        return MiCommand.of("dp_reload", MiCommand.noParameters(), params -> {
            dialplan.reload();
            return "OK";
        });
    }

    /** The first rule of set {@code dpid} that translates {@code input} (no chaining, as OpenSIPS's). */
    @Produces
    MiCommand dpTranslate(Dialplan dialplan) {
        return MiCommand.of("dp_translate", List.of(List.of("dpid", "input")), params -> {
            Translation translation = dialplan.translate(params.number("dpid"), params.text("input"))
                    .orElseThrow(() -> new MiError(404, "No translation"));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("Output", translation.output());
            result.put("ATTRIBUTES", translation.attrs());
            return result;
        });
    }
}

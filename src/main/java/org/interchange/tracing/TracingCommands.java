package org.interchange.tracing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.enterprise.context.Dependent;
import javax.enterprise.inject.Produces;

import org.interchange.mi.spi.MiCommand;
import org.interchange.mi.spi.MiError;

/**
 * The tracer module's MI commands: {@code trace_start} and {@code trace_stop}. OpenSIPS names a trace and sends it to
 * a URI; here the router numbers it and sends it to {@code uri} {@code hep} or {@code database} (both configured
 * ones when left out). The filter is OpenSIPS's {@code caller=}, {@code callee=} or {@code ip=}, or
 * {@code callid=}; without one, every message is traced.
 */
@Dependent
public class TracingCommands {

    @Produces
    MiCommand traceStart(Tracing tracing) {
        return MiCommand.of("trace_start", List.of(List.of(), List.of("filter"), List.of("filter", "uri")), params -> {
            Match match = Match.ALL;
            String value = null;
            if (params.has("filter")) {
                String filter = params.text("filter");
                int equals = filter.indexOf('=');
                if (equals < 0) {
                    throw MiError.invalidParams("Bad filter '" + filter + "': expected caller=, callee=, ip= or callid=");
                }
                match = matchOf(filter.substring(0, equals).trim());
                value = filter.substring(equals + 1);
            }
            try {
                Set<Destination> to = params.optionalText("uri").map(Destination::parse).map(Set::of).orElse(Set.of());
                TraceFilter trace = tracing.start(match, value, to);
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("id", trace.id());
                result.put("match", trace.match().key());
                result.put("value", trace.value());
                result.put("destinations", trace.to().stream().map(Destination::key).sorted().toList());
                return result;
            } catch (IllegalArgumentException e) {
                throw MiError.invalidParams(e.getMessage());
            }
        });
    }

    @Produces
    MiCommand traceStop(Tracing tracing) {
        return MiCommand.of("trace_stop", List.of(List.of("id")), params -> {
            if (!tracing.stop(params.text("id"))) {
                throw new MiError(404, "Trace not found");
            }
            return "OK";
        });
    }

    private static Match matchOf(String name) {
        return switch (name) {
            case "caller", "callee" -> Match.USER;
            case "ip" -> Match.SOURCE;
            case "callid" -> Match.CALLID;
            default -> throw MiError.invalidParams("Bad filter '" + name + "': expected caller, callee, ip or callid");
        };
    }
}

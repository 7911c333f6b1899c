package org.interchange.tracing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.enterprise.context.Dependent;
import javax.enterprise.inject.Produces;

import org.interchange.mi.spi.MiCommand;
import org.interchange.mi.spi.MiError;
import org.interchange.mi.spi.MiParams;

/**
 * The tracer module's MI commands as OpenSIPS 3.4 and 3.5 take them: {@code trace_start} with {@code id},
 * {@code uri} and optionally {@code filter}, {@code scope} and {@code type}, and {@code trace_stop} with
 * {@code id}. The {@code uri} is a HEP collector of the trace's own, {@code hep:<host>:<port>}, or one of the
 * destinations configured, {@code hep} or {@code database}; the filters are {@code caller=}, {@code callee=},
 * {@code ip=} and, the router's own, {@code callid=}; the errors carry OpenSIPS's codes and texts.
 */
@Dependent
public class TracingCommands {

    /** OpenSIPS's answer to a value it cannot use. */
    static final String BAD_VALUE = "Bad parameter value";

    /** The schemes OpenSIPS traces to besides HEP and databases, none of which the router has. */
    private static final List<String> UNSUPPORTED_SCHEMES = List.of("sip:", "sips:", "file:", "syslog:");

    @Produces
    MiCommand traceStart(Tracing tracing) {
        return MiCommand.of("trace_start", List.of(List.of("id", "uri"), List.of("id", "uri", "filter"),
                List.of("id", "uri", "filter", "scope", "type")), params -> {
            String id = params.text("id");
            String uri = params.text("uri").trim();
            try {
                Set<Destination> to = Set.of();
                Optional<HepDestination> collector = Optional.empty();
                if (uri.equalsIgnoreCase("hep") || uri.equalsIgnoreCase("database")) {
                    to = Set.of(Destination.parse(uri));
                } else {
                    collector = Optional.of(collector(uri));
                }
                Scope scope = scope(params);
                checkType(params);
                tracing.start(id, conditions(params), scope, to, collector);
                return "OK";
            } catch (InvalidTraceException e) {
                throw new MiError(500, BAD_VALUE, e.getMessage());
            }
        });
    }

    @Produces
    MiCommand traceStop(Tracing tracing) {
        return MiCommand.of("trace_stop", List.of(List.of("id")), params -> {
            if (!tracing.stop(params.text("id"))) {
                throw new MiError(400, BAD_VALUE);
            }
            return "OK";
        });
    }

    /**
     * A {@code hep:} URI; OpenSIPS's other schemes are refused as a bad value, and whatever else, which OpenSIPS
     * takes for a database URL, as it does: {@code 406 DB not acceptable}.
     */
    private static HepDestination collector(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        if (lower.startsWith("hep:")) {
            try {
                return HepDestination.parseUri(uri);
            } catch (IllegalArgumentException e) {
                throw new InvalidTraceException(e.getMessage());
            }
        }
        if (UNSUPPORTED_SCHEMES.stream().anyMatch(lower::startsWith)) {
            throw new InvalidTraceException("'" + uri + "': the router traces to hep:<host>:<port>, hep or database");
        }
        throw new MiError(406, "DB not acceptable", "dynamic DB tracing is not yet available");
    }

    /** The {@code filter} entries, an array or one text, every one to pass; none: all messages. */
    private static List<Condition> conditions(MiParams params) {
        List<String> filters = params.has("filter") ? params.texts("filter") : List.of();
        if (filters.isEmpty()) {
            return List.of(new Condition(Match.ALL, ""));
        }
        return filters.stream().map(TracingCommands::condition).toList();
    }

    private static Condition condition(String filter) {
        int equals = filter.indexOf('=');
        Match match = switch (equals < 0 ? "" : filter.substring(0, equals).trim().toLowerCase(Locale.ROOT)) {
            case "caller" -> Match.CALLER;
            case "callee" -> Match.CALLEE;
            case "ip" -> Match.SOURCE;
            case "callid" -> Match.CALLID;
            default -> throw new InvalidTraceException("filter '" + filter + "': expected caller=, callee=, ip= or "
                    + "callid=");
        };
        return new Condition(match, filter.substring(equals + 1));
    }

    /** OpenSIPS's letters; a bad one makes OpenSIPS's handler fail, answered as JSON-RPC's server error. */
    private static Scope scope(MiParams params) {
        try {
            return Scope.parse(params.optionalText("scope").orElse(""));
        } catch (InvalidTraceException e) {
            throw MiError.serverError(e.getMessage());
        }
    }

    /** Only SIP is traced: OpenSIPS's {@code sip}, alone; its other types ({@code xlog}, {@code rest}) are refused. */
    private static void checkType(MiParams params) {
        for (String type : params.optionalText("type").orElse("sip").split("\\|")) {
            if (!type.isBlank() && !type.trim().equalsIgnoreCase("sip")) {
                throw new InvalidTraceException("type '" + type.trim() + "': the router traces sip only");
            }
        }
    }
}

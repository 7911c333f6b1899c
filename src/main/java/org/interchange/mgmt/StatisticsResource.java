package org.interchange.mgmt;

import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.interchange.stats.Statistics;

/**
 * {@code /api/statistics}: the router's statistics as OpenSIPS's {@code get_statistics} and
 * {@code reset_statistics} show and reset them. {@code GET ?name=core:&name=tm:inuse_transactions} answers
 * {@code {"core:rcv_requests": 12, ...}} (no name: all); {@code POST /reset} with {@code {"names": ["core:"]}}
 * resets those counters (gauges stay) and answers which it reset. A name matching nothing is a 400.
 */
@Path("/statistics")
@Tag(name = "statistics", description = "The router's statistics under OpenSIPS's names (get_statistics, "
        + "reset_statistics)")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

    private final Statistics statistics;

    public StatisticsResource(Statistics statistics) {
        this.statistics = statistics;
    }

    /** The body of a reset: the statistics to reset, as {@code get} names them. */
    public record ResetRequest(List<String> names) {
    }

    /** What a reset reset. */
    public record ResetResult(List<String> reset) {
    }

    @GET
    @Operation(summary = "The named statistics by group:name (none named: all)")
    public Map<String, Number> get(@QueryParam("name") @Parameter(description = "group:name, group:, name or all; "
            + "repeatable", example = "core:") List<String> names) {
        return statistics.get(names);
    }

    @POST
    @Path("/reset")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reset the named counters (gauges stay); which were reset")
    public ResetResult reset(ResetRequest request) {
        if (request == null || request.names() == null || request.names().isEmpty()) {
            throw new IllegalArgumentException("names: required, the statistics to reset (group:name, group:, name "
                    + "or all)");
        }
        return new ResetResult(statistics.reset(request.names()));
    }
}

package org.interchange.mgmt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.interchange.logging.LogLevels;

/**
 * {@code /api/log-levels}: the loggers that have a level of their own, the root's, and changing one at run time
 * (until the router stops). OpenSIPS's MI has {@code log_level}.
 */
@Path("/log-levels")
@Tag(name = "log-levels", description = "Log levels per logger, changed at run time (OpenSIPS's log_level)")
@Produces(MediaType.APPLICATION_JSON)
public class LogLevelsResource {

    /** The levels: the root logger's, the others by name, and the levels a logger may be given. */
    public record LevelsView(String root, Map<String, String> loggers, List<String> levels) {
    }

    /** A change: {@code {"level": "DEBUG"}}. */
    public record LevelChange(String level) {
    }

    /** One logger's level after a change. */
    public record LoggerView(String logger, String level) {
    }

    private final LogLevels logLevels;

    public LogLevelsResource(LogLevels logLevels) {
        this.logLevels = logLevels;
    }

    @GET
    @Operation(summary = "The root level, the levels set per logger, and the levels there are")
    public LevelsView list() {
        Map<String, String> all = new LinkedHashMap<>(logLevels.levels());
        String root = all.remove(LogLevels.ROOT);
        return new LevelsView(root, all, LogLevels.LEVELS);
    }

    /** Sets a logger's level ({@code root} for the root logger): 200 with it, 400 naming the levels allowed. */
    @PUT
    @Path("/{logger}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a logger's level until the router stops")
    public LoggerView change(@PathParam("logger") String logger, LevelChange body) {
        if (body == null || body.level() == null) {
            throw new IllegalArgumentException("a level is required: {\"level\": \"DEBUG\"}; one of "
                    + String.join(", ", LogLevels.LEVELS));
        }
        logLevels.set(logger, body.level());
        return new LoggerView(logger, logLevels.effectiveLevel(logger));
    }
}

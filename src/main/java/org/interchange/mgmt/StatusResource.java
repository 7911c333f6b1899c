package org.interchange.mgmt;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.interchange.core.RouterInfo;
import org.interchange.listener.Listeners;

/** {@code /api/status}: the router's version, when it started, for how long, and its listeners. */
@Path("/status")
@Tag(name = "status", description = "Version, start and uptime of the router (OpenSIPS's uptime, version)")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    /**
     * The status: {@code started} is an ISO-8601 instant, {@code listeners} as {@code /api/sockets} lists them.
     * The admin console reads these names: keep them.
     */
    public record StatusView(String version, String started, @JsonProperty("uptime_seconds") long uptimeSeconds,
                             List<SocketsResource.ListenerView> listeners) {
    }

    private final RouterInfo router;
    private final Listeners listeners;

    public StatusResource(RouterInfo router, Listeners listeners) {
        this.router = router;
        this.listeners = listeners;
    }

    @GET
    @Operation(summary = "The router's version, start time, uptime and listeners")
    public StatusView status() {
        return new StatusView(router.version(), router.started().toString(), router.uptime().toSeconds(),
                SocketsResource.views(listeners));
    }
}

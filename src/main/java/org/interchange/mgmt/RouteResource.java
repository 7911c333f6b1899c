package org.interchange.mgmt;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.interchange.routing.RouteChain;

/** {@code /api/route}: the request route's steps and every hook, in the order they run. */
@Path("/route")
@Tag(name = "route", description = "The request route and its hooks: OpenSIPS's script routes, as CDI beans")
@Produces(MediaType.APPLICATION_JSON)
public class RouteResource {

    private final RouteChain chain;

    public RouteResource(RouteChain chain) {
        this.chain = chain;
    }

    @GET
    @Operation(summary = "The request route's steps and every hook, in the order they run")
    public List<RouteChain.Entry> list() {
        return chain.entries();
    }
}

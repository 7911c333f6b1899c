package org.interchange.mgmt;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.interchange.routing.RouteChain;

/** {@code /api/route}: the request route's steps and every hook, in the order they run. */
@Path("/route")
@Produces(MediaType.APPLICATION_JSON)
public class RouteResource {

    private final RouteChain chain;

    public RouteResource(RouteChain chain) {
        this.chain = chain;
    }

    @GET
    public List<RouteChain.Entry> list() {
        return chain.entries();
    }
}

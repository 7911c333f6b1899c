package org.interchange.mgmt;

import java.util.List;
import java.util.Map;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.interchange.domain.Domains;

/** {@code /api/domains}: the served domains (configured and in the domain table). */
@Path("/domains")
@Produces(MediaType.APPLICATION_JSON)
public class DomainsResource {

    private final Domains domains;

    public DomainsResource(Domains domains) {
        this.domains = domains;
    }

    @GET
    public List<String> list() {
        return domains.served();
    }

    @PUT
    @Path("/{domain}")
    public Response add(@PathParam("domain") String domain) {
        boolean added = domains.add(domain);
        return Response.status(added ? 201 : 200).entity(Map.of("domain", domain)).build();
    }

    @DELETE
    @Path("/{domain}")
    public Response remove(@PathParam("domain") String domain) {
        return domains.remove(domain) ? Response.noContent().build()
                : ProblemMapper.notFound("the domain table has no " + domain + " (configured domains stay)");
    }
}

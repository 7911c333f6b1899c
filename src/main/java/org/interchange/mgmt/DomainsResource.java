package org.interchange.mgmt;

import java.util.List;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.interchange.domain.Domains;

/** {@code /api/domains}: the served domains (configured and in the domain table). */
@Path("/domains")
@Tag(name = "domains", description = "The served domains: the configured ones and those of the domain table "
        + "(OpenSIPS's domain module, domain_dump)")
@Produces(MediaType.APPLICATION_JSON)
public class DomainsResource {

    /** The answer of a PUT. */
    public record Added(String domain) {
    }

    private final Domains domains;

    public DomainsResource(Domains domains) {
        this.domains = domains;
    }

    @GET
    @Operation(summary = "The served domains, the default domain first")
    public List<String> list() {
        return domains.served();
    }

    @PUT
    @Path("/{domain}")
    @Operation(summary = "Serve a domain (added to the domain table)", responses = {
        @ApiResponse(responseCode = "201", description = "added", content = @Content(
                schema = @Schema(implementation = Added.class))),
        @ApiResponse(responseCode = "200", description = "already served", content = @Content(
                schema = @Schema(implementation = Added.class)))})
    public Response add(@PathParam("domain") @Parameter(example = "example.org") String domain) {
        boolean added = domains.add(domain);
        return Response.status(added ? 201 : 200).entity(new Added(domain)).build();
    }

    @DELETE
    @Path("/{domain}")
    @Operation(summary = "Stop serving a domain of the domain table (the configured ones stay)",
            responses = @ApiResponse(responseCode = "204", description = "removed"))
    public Response remove(@PathParam("domain") @Parameter(example = "example.org") String domain) {
        return domains.remove(domain) ? Response.noContent().build()
                : ProblemMapper.notFound("the domain table has no " + domain + " (configured domains stay)");
    }
}

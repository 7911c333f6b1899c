package org.interchange.mgmt;

import java.util.List;

import javax.ws.rs.Consumes;
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
import org.interchange.auth.Subscribers;
import org.interchange.core.sip.Aor;
import org.interchange.domain.Domains;

/** {@code /api/subscribers}: the subscriber table. */
@Path("/subscribers")
@Tag(name = "subscribers", description = "The subscriber table: who registers and calls, with which password "
        + "(OpenSIPS's subscriber table; only HA1 hashes are stored)")
@Produces(MediaType.APPLICATION_JSON)
public class SubscribersResource {

    /** The body of a PUT. */
    public record Password(@Schema(description = "the new password, in clear: the router stores its HA1 hashes",
            requiredMode = Schema.RequiredMode.REQUIRED) String password) {
    }

    /** The answer of a PUT. */
    public record Saved(@Schema(description = "user@domain") String subscriber) {
    }

    private final Subscribers subscribers;
    private final Domains domains;

    public SubscribersResource(Subscribers subscribers, Domains domains) {
        this.subscribers = subscribers;
        this.domains = domains;
    }

    @GET
    @Operation(summary = "The subscribers' addresses-of-record (user@domain)")
    public List<String> list() {
        return subscribers.list().stream().map(Aor::toString).toList();
    }

    /** Adds a subscriber, or sets the password of an existing one: 201 or 200. */
    @PUT
    @Path("/{aor}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a subscriber of a served domain, or set its password", responses = {
        @ApiResponse(responseCode = "201", description = "added", content = @Content(
                schema = @Schema(implementation = Saved.class))),
        @ApiResponse(responseCode = "200", description = "its password changed", content = @Content(
                schema = @Schema(implementation = Saved.class)))})
    public Response save(@PathParam("aor") @Parameter(description = "user@domain", example = "alice@127.0.0.1")
                         String aorText, Password body) {
        Aor aor = Aor.parse(aorText);
        if (domains.servedDomain(aor.domain()).filter(aor.domain()::equals).isEmpty()) {
            throw new IllegalArgumentException(aor.domain() + " is not a served domain; add it first");
        }
        if (body == null || body.password() == null || body.password().isEmpty()) {
            throw new IllegalArgumentException("a password is required: {\"password\": \"...\"}");
        }
        boolean existed = subscribers.exists(aor);
        subscribers.save(aor, body.password());
        return Response.status(existed ? 200 : 201).entity(new Saved(aor.toString())).build();
    }

    @DELETE
    @Path("/{aor}")
    @Operation(summary = "Remove a subscriber", responses = @ApiResponse(responseCode = "204", description = "removed"))
    public Response remove(@PathParam("aor") @Parameter(description = "user@domain", example = "alice@127.0.0.1")
                           String aor) {
        return subscribers.remove(Aor.parse(aor)) ? Response.noContent().build()
                : ProblemMapper.notFound("no subscriber " + aor);
    }
}

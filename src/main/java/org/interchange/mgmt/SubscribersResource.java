package org.interchange.mgmt;

import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.interchange.auth.Subscribers;
import org.interchange.core.sip.Aor;
import org.interchange.domain.Domains;

/** {@code /api/subscribers}: the subscriber table. */
@Path("/subscribers")
@Produces(MediaType.APPLICATION_JSON)
public class SubscribersResource {

    /** The body of a PUT. */
    public record Password(String password) {
    }

    private final Subscribers subscribers;
    private final Domains domains;

    public SubscribersResource(Subscribers subscribers, Domains domains) {
        this.subscribers = subscribers;
        this.domains = domains;
    }

    @GET
    public List<String> list() {
        return subscribers.list().stream().map(Aor::toString).toList();
    }

    /** Adds a subscriber, or sets the password of an existing one: 201 or 200. */
    @PUT
    @Path("/{aor}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(@PathParam("aor") String aorText, Password body) {
        Aor aor = Aor.parse(aorText);
        if (domains.servedDomain(aor.domain()).filter(aor.domain()::equals).isEmpty()) {
            throw new IllegalArgumentException(aor.domain() + " is not a served domain; add it first");
        }
        if (body == null || body.password() == null || body.password().isEmpty()) {
            throw new IllegalArgumentException("a password is required: {\"password\": \"...\"}");
        }
        boolean existed = subscribers.exists(aor);
        subscribers.save(aor, body.password());
        return Response.status(existed ? 200 : 201).entity(Map.of("subscriber", aor.toString())).build();
    }

    @DELETE
    @Path("/{aor}")
    public Response remove(@PathParam("aor") String aor) {
        return subscribers.remove(Aor.parse(aor)) ? Response.noContent().build()
                : ProblemMapper.notFound("no subscriber " + aor);
    }
}

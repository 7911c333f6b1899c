package org.interchange.mgmt;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.interchange.core.sip.Aor;
import org.interchange.core.sip.Endpoint;
import org.interchange.location.Binding;
import org.interchange.location.Location;

/** {@code /api/location}: the bindings of the contact store. */
@Path("/location")
@Tag(name = "location", description = "The registrar's contact store (OpenSIPS's usrloc: ul_dump, ul_rm)")
@Produces(MediaType.APPLICATION_JSON)
public class LocationResource {

    /** One binding as the API shows it. */
    public record BindingView(String contact, double q,
                              @Schema(description = "seconds left") long expires,
                              String callId, long cseq,
                              @Schema(nullable = true, description = "the source of the REGISTER, when it differs "
                                      + "from the contact (NAT)") String received,
                              @Schema(nullable = true, description = "the listener it arrived on") String socket,
                              @Schema(description = "empty when the phone sent none") String userAgent,
                              @Schema(description = "Path header field values (RFC 3327)") List<String> path) {

        static BindingView of(Binding binding, Clock clock) {
            return new BindingView(binding.contact(), binding.q(), binding.secondsLeftAt(clock.instant()),
                    binding.callId(), binding.cseq(), binding.received().map(Endpoint::toString).orElse(null),
                    binding.socket().map(Endpoint::toString).orElse(null), binding.userAgent(), binding.path());
        }
    }

    private final Location location;
    private final Clock clock = Clock.systemUTC();

    public LocationResource(Location location) {
        this.location = location;
    }

    @GET
    @Operation(summary = "Every address-of-record with its bindings (ul_dump)")
    public Map<String, List<BindingView>> list() {
        Map<String, List<BindingView>> all = new LinkedHashMap<>();
        location.list().forEach((aor, bindings) ->
                all.put(aor.toString(), bindings.stream().map(b -> BindingView.of(b, clock)).toList()));
        return all;
    }

    /** Removes every binding of an address-of-record, or with {@code ?contact=} the one of that contact. */
    @DELETE
    @Path("/{aor}")
    @Operation(summary = "Remove the bindings of an address-of-record (ul_rm), or one of them (ul_rm_contact)",
            responses = @ApiResponse(responseCode = "204", description = "removed"))
    public Response remove(@PathParam("aor") @Parameter(description = "user@domain", example = "alice@127.0.0.1")
                           String aor, @QueryParam("contact") @Parameter(description = "only the binding of this "
                                   + "contact") String contact) {
        if (contact != null) {
            return location.removeContact(Aor.parse(aor), contact) ? Response.noContent().build()
                    : ProblemMapper.notFound("no binding of " + aor + " has the contact " + contact);
        }
        return location.remove(Aor.parse(aor)) > 0 ? Response.noContent().build()
                : ProblemMapper.notFound("no bindings for " + aor);
    }
}

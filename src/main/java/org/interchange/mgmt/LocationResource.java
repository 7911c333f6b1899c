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

import org.interchange.core.sip.Aor;
import org.interchange.core.sip.Endpoint;
import org.interchange.location.Binding;
import org.interchange.location.Location;

/** {@code /api/location}: the bindings of the contact store. */
@Path("/location")
@Produces(MediaType.APPLICATION_JSON)
public class LocationResource {

    /** One binding as the API shows it. */
    public record BindingView(String contact, double q, long expires, String callId, long cseq, String received,
                              String socket, String userAgent, List<String> path) {

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
    public Map<String, List<BindingView>> list() {
        Map<String, List<BindingView>> all = new LinkedHashMap<>();
        location.list().forEach((aor, bindings) ->
                all.put(aor.toString(), bindings.stream().map(b -> BindingView.of(b, clock)).toList()));
        return all;
    }

    /** Removes every binding of an address-of-record, or with {@code ?contact=} the one of that contact. */
    @DELETE
    @Path("/{aor}")
    public Response remove(@PathParam("aor") String aor, @QueryParam("contact") String contact) {
        if (contact != null) {
            return location.removeContact(Aor.parse(aor), contact) ? Response.noContent().build()
                    : ProblemMapper.notFound("no binding of " + aor + " has the contact " + contact);
        }
        return location.remove(Aor.parse(aor)) > 0 ? Response.noContent().build()
                : ProblemMapper.notFound("no bindings for " + aor);
    }
}

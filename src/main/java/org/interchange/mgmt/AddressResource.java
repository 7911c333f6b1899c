package org.interchange.mgmt;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.interchange.container.config.IpAddresses;
import org.interchange.permissions.AddressEntry;
import org.interchange.permissions.AddressGroups;
import org.interchange.permissions.AddressReload;
import org.interchange.permissions.AddressRule;
import org.interchange.permissions.Match;
import org.interchange.permissions.Proto;

/**
 * {@code /api/address}: the address groups (OpenSIPS's permissions {@code address} table). JSON fields are the
 * table's columns. Changes take effect before the answer; {@code /reload} picks up changes made with SQL.
 */
@Path("/address")
@Tag(name = "address", description = "The address groups: OpenSIPS's permissions address table "
        + "(address_dump, address_reload, get_source_group, check_address)")
@Produces(MediaType.APPLICATION_JSON)
public class AddressResource {

    /** A row as the API shows it. */
    public record AddressView(long id, int grp, String ip, int mask, @Schema(description = "0 for any") int port,
                              @Schema(description = "any, udp, tcp, tls, ...") String proto,
                              @Schema(nullable = true) String pattern,
                              @Schema(nullable = true) @JsonProperty("context_info") String contextInfo) {

        static AddressView of(AddressEntry entry) {
            AddressRule rule = entry.rule();
            return new AddressView(entry.id(), rule.group(), rule.ipText(), rule.mask(), rule.port(),
                    rule.proto().token(), rule.pattern().orElse(null), rule.contextInfo().orElse(null));
        }
    }

    /**
     * The body of a POST or PUT: {@code ip} is required; {@code grp} defaults to 0, {@code mask} to one host (32 or
     * 128), {@code port} to 0 (any), {@code proto} to any. An {@code id}, if given, must be the one of the path.
     */
    public record AddressBody(Long id, Integer grp,
                              @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "192.0.2.10") String ip,
                              Integer mask, Integer port, String proto, String pattern,
                              @JsonProperty("context_info") String contextInfo) {

        AddressRule rule() {
            return AddressRule.of(grp == null ? 0 : grp, ip, mask, port == null ? 0 : port, proto, pattern,
                    contextInfo);
        }
    }

    private final AddressGroups groups;

    public AddressResource(AddressGroups groups) {
        this.groups = groups;
    }

    /** The rows loaded ({@code address_dump}), all or those of one group. */
    @GET
    @Operation(summary = "The rows loaded, all or those of one group (address_dump)")
    public List<AddressView> list(@QueryParam("grp") @Parameter(description = "a group number",
            schema = @Schema(type = "integer")) String grp) {
        Optional<Integer> group = grp == null ? Optional.empty()
                : Optional.of(NumberParameter.of("grp", grp, 0, Integer.MAX_VALUE));
        return groups.list().stream()
                .filter(entry -> group.isEmpty() || entry.rule().group() == group.get())
                .map(AddressView::of)
                .toList();
    }

    @GET
    @Path("/{id: [0-9]+}")
    @Operation(summary = "One row", responses = @ApiResponse(responseCode = "200", description = "the row",
            content = @Content(schema = @Schema(implementation = AddressView.class))))
    public Response get(@PathParam("id") long id) {
        return groups.list().stream().filter(entry -> entry.id() == id).findFirst()
                .map(entry -> Response.ok(AddressView.of(entry)).build())
                .orElseGet(() -> ProblemMapper.notFound(noRow(id)));
    }

    /** Adds a row: 201, its URI in Location and the row as stored in the body. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a row; in use when the answer comes", responses = @ApiResponse(responseCode = "201",
            description = "added: its URI in Location", content = @Content(
                    schema = @Schema(implementation = AddressView.class))))
    public Response add(AddressBody body) {
        if (required(body).id() != null) {
            throw new IllegalArgumentException("the router gives the id; leave it out of the body");
        }
        AddressRule rule = body.rule();
        long id = groups.add(rule);
        return Response.created(URI.create("address/" + id)).entity(AddressView.of(new AddressEntry(id, rule)))
                .build();
    }

    /** Replaces what a row says: 200 with the row, 404 when there is no such row. */
    @PUT
    @Path("/{id: [0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change what a row says", responses = @ApiResponse(responseCode = "200",
            description = "the row as changed",
            content = @Content(schema = @Schema(implementation = AddressView.class))))
    public Response change(@PathParam("id") long id, AddressBody body) {
        if (required(body).id() != null && body.id() != id) {
            throw new IllegalArgumentException("the body's id " + body.id() + " is not the path's " + id);
        }
        AddressRule rule = body.rule();
        return groups.change(id, rule) ? Response.ok(AddressView.of(new AddressEntry(id, rule))).build()
                : ProblemMapper.notFound(noRow(id));
    }

    @DELETE
    @Path("/{id: [0-9]+}")
    @Operation(summary = "Remove a row", responses = @ApiResponse(responseCode = "204", description = "removed"))
    public Response remove(@PathParam("id") long id) {
        return groups.remove(id) ? Response.noContent().build() : ProblemMapper.notFound(noRow(id));
    }

    /** Reads the table again ({@code address_reload}): the rows loaded, and those skipped with the reason. */
    @POST
    @Path("/reload")
    @Operation(summary = "Read the table again (address_reload): the rows loaded, those skipped and why")
    public AddressReload reload() {
        return groups.reload();
    }

    /**
     * The row a source falls in: the one {@code get_source_group} finds (without {@code grp}) or
     * {@code check_address} (with {@code grp}, and {@code subject} for the rows' patterns). 404 when none matches.
     */
    @GET
    @Path("/match")
    @Operation(summary = "The row a source falls in (get_source_group; check_address with grp and subject)",
            responses = @ApiResponse(responseCode = "200", description = "the first row that matches",
                    content = @Content(schema = @Schema(implementation = AddressView.class))))
    public Response match(@QueryParam("ip") @Parameter(required = true, example = "192.0.2.10") String ip,
                          @QueryParam("port") @Parameter(schema = @Schema(type = "integer")) String port,
                          @QueryParam("proto") @Parameter(example = "udp") String proto,
                          @QueryParam("grp") @Parameter(schema = @Schema(type = "integer")) String grp,
                          @QueryParam("subject") @Parameter(description = "matched against the rows' patterns")
                          String subject) {
        if (ip == null || ip.isBlank()) {
            throw new IllegalArgumentException("ip is required: /api/address/match?ip=192.0.2.1");
        }
        InetAddress address = IpAddresses.parseLiteral(ip.trim())
                .orElseThrow(() -> new IllegalArgumentException("ip '" + ip + "' is not an IPv4 or IPv6 address"));
        int portNumber = port == null ? 0 : NumberParameter.of("port", port, 0, 65535);
        Proto transport = proto == null ? Proto.ANY : Proto.parse(proto.trim());
        int group = grp == null ? 0 : NumberParameter.of("grp", grp, 0, Integer.MAX_VALUE);
        Optional<Match> match = subject == null ? groups.check(group, address, portNumber, transport)
                : groups.check(group, address, portNumber, transport, subject);
        return match.map(found -> Response.ok(AddressView.of(found.entry())).build())
                .orElseGet(() -> ProblemMapper.notFound("no row of the address table matches "
                        + IpAddresses.text(address) + " port " + (portNumber == 0 ? "any" : portNumber) + " proto "
                        + transport.token() + (group == 0 ? " in any group" : " in group " + group)
                        + (subject == null ? "" : " with subject '" + subject + "'")));
    }

    private static AddressBody required(AddressBody body) {
        if (body == null) {
            throw new IllegalArgumentException("a row is required: {\"grp\": 1, \"ip\": \"192.0.2.1\", ...}");
        }
        return body;
    }

    private static String noRow(long id) {
        return "the address table has no row " + id;
    }
}

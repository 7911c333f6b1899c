package org.interchange.mgmt;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Application;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.models.OpenAPI;

/**
 * {@code /api/openapi.json} and {@code /api/openapi.yaml}: the admin API's OpenAPI description
 * ({@link ApiDescription}), generated at the first request from the resources the API registers (none of it at
 * start) and the same until the router stops.
 */
@Path("/openapi.{format: json|yaml}")
@OpenAPIDefinition(info = @Info(title = "Interchange admin API", version = "1", description = "The SIP router's "
        + "management: subscribers, domains, registrations, sockets, the route, address groups, the dialplan and more."
        + " Every error is an RFC 7807 problem (application/problem+json)."),
        security = @SecurityRequirement(name = OpenApiResource.BASIC))
@SecurityScheme(name = OpenApiResource.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "admin.user (admin) and admin.password (the admin-password file of the data directory)")
@Tag(name = "openapi", description = "This description of the admin API")
public class OpenApiResource {

    static final String YAML = "application/yaml";
    static final String BASIC = "basic";

    private OpenAPI description;

    @GET
    @Produces({MediaType.APPLICATION_JSON, YAML})
    @Operation(summary = "The admin API's OpenAPI 3 description, as JSON or YAML", responses = @ApiResponse(
            responseCode = "200", description = "the description",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")),
                @Content(mediaType = YAML, schema = @Schema(type = "object"))}))
    public Response get(@PathParam("format") @Parameter(
                                schema = @Schema(allowableValues = {"json", "yaml"})) String format,
                        @Context Application application, @Context UriInfo uri) {
        OpenAPI openApi = description(application, uri.getBaseUri().getPath().replaceFirst("/$", ""));
        return "yaml".equals(format) ? Response.ok(Yaml.pretty(openApi), YAML).build()
                : Response.ok(Json.pretty(openApi), MediaType.APPLICATION_JSON).build();
    }

    private synchronized OpenAPI description(Application application, String basePath) {
        if (description == null) {
            description = ApiDescription.of(application, basePath);
        }
        return description;
    }
}

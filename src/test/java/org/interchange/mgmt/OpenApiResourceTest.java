package org.interchange.mgmt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/openapi.json} through Jersey in this JVM, over an application that registers resources as the admin
 * API does (instances) and one more that knows nothing of OpenAPI, as a resource added later might.
 */
class OpenApiResourceTest {

    private static final URI BASE = URI.create("http://127.0.0.1:8088/interchange/api/");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A resource with JAX-RS annotations only. */
    @Path("/plain")
    @Produces(MediaType.APPLICATION_JSON)
    public static class PlainResource {

        public record Item(String name) {
        }

        @GET
        public List<Item> list() {
            return List.of(new Item("one"));
        }
    }

    /** Built once: reading the description does not change it. */
    private static final ApplicationHandler API = new ApplicationHandler(new ResourceConfig()
            .register(new AddressResource(null))
            .register(new DialplanResource(null))
            .register(new SocketsResource(null, null, null))
            .register(new PlainResource())
            .register(new OpenApiResource())
            .register(JacksonFeature.withoutExceptionMappers())
            .register(ProblemMapper.class)
            .register(ProblemResponses.class));

    @Test
    void everyRegisteredResourceIsDescribedWithItsSchemasAndTheServletsPath() {
        JsonNode description = json("openapi.json");

        assertThat(description.get("openapi").asText()).startsWith("3.0");
        assertThat(description.at("/servers/0/url").asText()).isEqualTo("/interchange/api");
        assertThat(names(description.get("paths"))).contains("/address", "/address/{id}", "/address/match",
                "/dialplan/translate", "/sockets", "/plain", "/openapi.{format}");
        assertThat(description.at("/paths/~1address~1{id}/get/responses/200/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/AddressView");
        assertThat(description.at("/paths/~1address/get/summary").asText()).contains("address_dump");
        assertThat(description.at("/paths/~1dialplan~1translate/get/parameters/0/required").asBoolean()).isTrue();
    }

    @Test
    void recordsOfOneSimpleNameInTwoResourcesAreTwoSchemas() {
        JsonNode schemas = json("openapi.json").at("/components/schemas");

        assertThat(schemas.at("/DialplanRuleView/properties").has("match_exp")).isTrue();
        assertThat(schemas.at("/SocketsRuleView/properties").has("destination")).isTrue();
        assertThat(schemas.has("AddressReloadSkipped")).isTrue();
        assertThat(schemas.has("DialplanLoadSkipped")).isTrue();
        assertThat(schemas.at("/AddressView/properties/pattern/nullable").asBoolean()).isTrue();
    }

    @Test
    void everyOperationNamesTheBasicSchemeItsProblemAnswersATagAndAUniqueId() {
        JsonNode description = json("openapi.json");

        assertThat(description.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
        assertThat(description.at("/security/0").has("basic")).isTrue();
        assertThat(description.at("/components/schemas/Problem/properties").has("detail")).isTrue();
        List<String> ids = new ArrayList<>();
        description.get("paths").forEach(item -> item.forEach(operation -> {
            ids.add(operation.get("operationId").asText());
            assertThat(operation.get("tags")).isNotEmpty();
            assertThat(operation.at("/responses/401/content/application~1problem+json/schema/$ref").asText())
                    .isEqualTo("#/components/schemas/Problem");
            assertThat(operation.at("/responses/default/content/application~1problem+json").isObject()).isTrue();
        }));
        assertThat(ids).doesNotHaveDuplicates().contains("addressList", "dialplanList", "plainList");
        assertThat(description.at("/paths/~1plain/get/tags/0").asText()).as("a resource without @Tag")
                .isEqualTo("plain");
        assertThat(description.at("/paths/~1address~1{id}/delete/responses").has("404")).isTrue();
        assertThat(description.at("/paths/~1address/post/responses").has("415")).isTrue();
        assertThat(description.at("/paths/~1plain/get/responses").has("400")).as("no parameters, no 400")
                .isFalse();
    }

    @Test
    void theYamlDescriptionSaysWhatTheJsonOneSays() throws IOException {
        Answer yaml = call("openapi.yaml");

        assertThat(yaml.mediaType()).isEqualTo(OpenApiResource.YAML);
        assertThat(new YAMLMapper().readTree(yaml.body())).isEqualTo(json("openapi.json"));
    }

    private JsonNode json(String path) {
        Answer answer = call(path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.mediaType()).isEqualTo(MediaType.APPLICATION_JSON);
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private record Answer(int status, String mediaType, String body) {
    }

    private Answer call(String path) {
        ContainerRequest request = new ContainerRequest(BASE, BASE.resolve(path), "GET", null,
                new MapPropertiesDelegate(), API.getConfiguration());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ContainerResponse response;
        try {
            response = API.apply(request, body).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        }
        return new Answer(response.getStatus(), String.valueOf(response.getMediaType()),
                body.toString(StandardCharsets.UTF_8));
    }
}

package org.interchange.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An integrator points an OpenAPI tool at the router ({@code /interchange/api/openapi.json}, behind the admin
 * credentials) and gets a description that says what the live API does: it is valid OpenAPI 3, every operation it
 * lists answers (a GET without parameters with a body its schema accepts, any other call without "no such
 * resource"), and every resource the router serves is in it. OpenSIPS and Kamailio describe their management
 * interfaces in prose (the MI command list, {@code kamcmd} and the RPC docs), not in a machine-readable form.
 *
 * <p>The check is generic: a resource added to the API is held to it without a change here. Only GETs are sent as
 * they are (every other method could change the router that other tests share); the others are asked for with
 * OPTIONS, whose Allow header is what JAX-RS would route.
 */
@ExtendWith(ArquillianExtension.class)
class OpenApiIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}:]+)[^}]*}");
    /** Jersey's own description of the application, which OpenAPI replaces; it is no resource of the router's. */
    private static final String WADL = "/application.wadl";

    @Deployment(testable = false)
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Test
    void theDescriptionIsValidOpenApiInJsonAndYaml() throws Exception {
        for (String format : List.of("json", "yaml")) {
            Answer answer = get("/openapi." + format);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);

            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(answer.body(), null, options);

            assertThat(parsed.getMessages()).as("swagger-parser's findings in the %s description", format).isEmpty();
            assertThat(parsed.getOpenAPI().getPaths()).containsKeys("/subscribers", "/dialplan/translate");
            assertThat(parsed.getOpenAPI().getComponents().getSecuritySchemes().get("basic").getScheme())
                    .isEqualTo("basic");
        }
        assertThat(send("GET", "/openapi.json", null).status()).as("without credentials").isEqualTo(401);
    }

    @Test
    void everyGetWithoutParametersAnswersWhatItsSchemaDescribes() throws Exception {
        JsonNode description = description();
        List<String> checked = new ArrayList<>();
        for (Operation operation : operations(description)) {
            if (!operation.method().equals("get") || operation.hasRequiredParameters()) {
                continue;
            }
            Answer answer = get(operation.path());

            assertThat(answer.status()).as("GET %s: %s", operation.path(), answer).isBetween(200, 299);
            assertMatchesDocumentedSchema(description, operation, answer);
            checked.add(operation.path());
        }
        assertThat(checked).contains("/subscribers", "/domains", "/location", "/timers", "/sockets", "/route",
                "/address", "/dialplan");
        JsonNode sockets = JSON.createObjectNode().put("$ref", "#/components/schemas/SocketsView");
        assertThat(schemaErrors(description, sockets, JSON.readTree("{\"listeners\": \"none\"}")))
                .as("the check itself: a body of another shape fails it").isNotEmpty();
    }

    @Test
    void everyDocumentedOperationIsRoutedByTheLiveApi() throws Exception {
        JsonNode description = description();
        for (Operation operation : operations(description)) {
            String path = operation.wellFormedPath();
            if (operation.method().equals("get")) {
                Answer answer = get(path);
                assertThat(answer.isRoutingMiss()).as("GET %s answers %s", path, answer).isFalse();
                assertMatchesDocumentedSchema(description, operation, answer);
            } else {
                Answer options = send("OPTIONS", path, credentials());
                assertThat(options.status()).as("OPTIONS %s: %s", path, options).isEqualTo(200);
                assertThat(options.allowed()).as("methods of %s", path)
                        .contains(operation.method().toUpperCase());
            }
        }
    }

    @Test
    void everyResourceTheRouterServesIsDocumented() throws Exception {
        Set<String> documented = new TreeSet<>();
        operations(description()).forEach(operation -> documented.add(operation.method().toUpperCase() + " "
                + operation.path()));
        Set<String> served = new TreeSet<>();
        Answer wadl = get(WADL);
        assertThat(wadl.status()).as(wadl.toString()).isEqualTo(200);
        Element application = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(wadl.body().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        for (Element resources : children(application, "resources")) {
            collect(resources, "", served);
        }
        served.remove("GET " + WADL);
        served.removeIf(operation -> operation.startsWith("GET " + WADL + "/"));

        assertThat(served).as("what Jersey serves (application.wadl)").isNotEmpty();
        assertThat(documented).as("documented operations").containsAll(served);
        assertThat(served).as("operations Jersey serves").containsAll(documented);
    }

    private JsonNode description() throws IOException {
        Answer answer = get("/openapi.json");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** One operation of the description. */
    private record Operation(String path, String method, JsonNode node) {

        boolean hasRequiredParameters() {
            for (JsonNode parameter : node.path("parameters")) {
                if (parameter.path("required").asBoolean()) {
                    return true;
                }
            }
            return false;
        }

        /** The path with its parameters filled from their examples, enums or types, and the required query. */
        String wellFormedPath() {
            Matcher names = PATH_PARAMETER.matcher(path);
            StringBuilder filled = new StringBuilder();
            while (names.find()) {
                names.appendReplacement(filled, Matcher.quoteReplacement(encode(sample(parameter(names.group(1))))));
            }
            names.appendTail(filled);
            String separator = "?";
            for (JsonNode parameter : node.path("parameters")) {
                if (parameter.path("in").asText().equals("query") && parameter.path("required").asBoolean()) {
                    filled.append(separator).append(parameter.get("name").asText()).append('=')
                            .append(encode(sample(parameter)));
                    separator = "&";
                }
            }
            return filled.toString();
        }

        private JsonNode parameter(String name) {
            for (JsonNode parameter : node.path("parameters")) {
                if (parameter.path("name").asText().equals(name)) {
                    return parameter;
                }
            }
            throw new AssertionError(method + " " + path + " does not document its path parameter " + name);
        }

        private static String sample(JsonNode parameter) {
            JsonNode schema = parameter.path("schema");
            if (parameter.has("example")) {
                return parameter.get("example").asText();
            }
            if (schema.has("enum")) {
                return schema.get("enum").get(0).asText();
            }
            return schema.path("type").asText().equals("integer") ? "0" : "openapi-it-none";
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    private static List<Operation> operations(JsonNode description) {
        List<Operation> operations = new ArrayList<>();
        description.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                method -> operations.add(new Operation(path.getKey(), method.getKey(), method.getValue()))));
        return operations;
    }

    /**
     * The answer's body against the schema the description gives for its status (or {@code default}) and media
     * type, with the description's components for the references: OpenAPI 3.0's dialect of JSON Schema.
     */
    private static void assertMatchesDocumentedSchema(JsonNode description, Operation operation, Answer answer)
            throws IOException {
        JsonNode responses = operation.node().get("responses");
        JsonNode response = responses.has(String.valueOf(answer.status()))
                ? responses.get(String.valueOf(answer.status())) : responses.get("default");
        String what = operation.method().toUpperCase() + " " + operation.path() + " " + answer.status();
        assertThat(response).as("%s: documented", what).isNotNull();
        if (!response.has("content")) {
            assertThat(answer.body()).as("%s: no body documented", what).isEmpty();
            return;
        }
        JsonNode content = response.get("content").get(answer.mediaType());
        assertThat(content).as("%s: media type %s documented in %s", what, answer.mediaType(),
                response.get("content")).isNotNull();
        if (!answer.mediaType().endsWith("json") || !content.has("schema")) {
            return;
        }
        assertThat(schemaErrors(description, content.get("schema"), JSON.readTree(answer.body())))
                .as("%s: %s against %s", what, answer.body(), content.get("schema")).isEmpty();
    }

    /** What {@code schema} of the description finds wrong in {@code body}. */
    private static List<Error> schemaErrors(JsonNode description, JsonNode schema, JsonNode body) {
        ObjectNode document = JSON.createObjectNode();
        document.putArray("allOf").add(schema);
        document.set("components", description.get("components"));
        return SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30()).getSchema(document).validate(body);
    }

    /** The WADL's resources under {@code element}, as "METHOD /path" with path parameters as OpenAPI writes them. */
    private static void collect(Element element, String parent, Set<String> served) {
        for (Element resource : children(element, "resource")) {
            String path = join(parent, PATH_PARAMETER.matcher(resource.getAttribute("path")).replaceAll("{$1}"));
            for (Element method : children(resource, "method")) {
                served.add(method.getAttribute("name") + " " + path);
            }
            collect(resource, path, served);
        }
    }

    private static String join(String parent, String path) {
        String joined = (parent + "/" + path).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    /** An answer of the admin API. */
    private record Answer(int status, String mediaType, String body, Optional<String> allow) {

        /** Jersey found no resource or method for the request, rather than the resource answering 404 itself. */
        boolean isRoutingMiss() {
            return status == 405 || status == 404 && !body.contains("urn:interchange:problem:not-found");
        }

        Set<String> allowed() {
            Set<String> methods = new TreeSet<>();
            allow.ifPresent(header -> {
                for (String method : header.split(",")) {
                    methods.add(method.trim());
                }
            });
            return methods;
        }
    }

    private Answer get(String path) {
        return send("GET", path, credentials());
    }

    private String credentials() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + router.setting("admin.password"))
                .getBytes(StandardCharsets.UTF_8));
    }

    private Answer send(String method, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + router.setting("admin.http")
                        + "/interchange/api" + path)).timeout(TIMEOUT)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(method + " " + path + " was interrupted", e);
        }
        String mediaType = response.headers().firstValue("Content-Type").orElse("").replaceFirst(";.*", "").trim();
        // a stream of events never ends: its status and type say enough
        try (InputStream body = response.body()) {
            String text = mediaType.equals("text/event-stream") ? ""
                    : new String(body.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(response.statusCode(), mediaType, text, response.headers().firstValue("Allow"));
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + ": the answer broke off: " + e, e);
        }
    }
}

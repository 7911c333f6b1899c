package org.interchange.mgmt;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.ws.rs.Path;
import javax.ws.rs.core.Application;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The admin API's OpenAPI 3 description, generated from the code: swagger-core's reader reads the JAX-RS and OpenAPI
 * annotations of the resources the {@link Application} registers (its classes and instances with {@code @Path}; the
 * title and the security scheme are {@link OpenApiResource}'s); nothing scans the classpath. What holds for every
 * operation is added here rather than annotated on each: the problem answers ({@link Problem}: 401 and 429 from
 * {@link AdminAuthentication}, 400 where the operation takes parameters or a body, 404 where its path names something
 * it does not create, 415 where it takes a body, and any other error as {@code default}) and a tag named after the
 * first segment of the path, for a resource that declares none.
 */
final class ApiDescription {

    private static final String PROBLEM = "Problem";

    static {
        // swagger-core's model converters are one per class loader (the WAR's): ours names the schemas first
        ModelConverters.getInstance().addConverter(new ModelResolver(Json.mapper(), new SchemaNames()));
    }

    private ApiDescription() {
    }

    /**
     * The description of {@code application}'s resources, served under {@code basePath} (the servlet's path,
     * {@code /interchange/api}).
     */
    static OpenAPI of(Application application, String basePath) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        Stream.concat(application.getClasses().stream(), application.getSingletons().stream().map(Object::getClass))
                .filter(type -> type.isAnnotationPresent(Path.class))
                .forEach(classes::add);
        // a resource method's return type documents its 200 (swagger-core's default would be "default")
        OpenAPI description = new Reader(new SwaggerConfiguration().defaultResponseCode("200").sortOutput(true))
                .read(classes);
        description.servers(List.of(new Server().url(basePath)
                .description("the admin listener (admin.http, admin.https)")));
        addProblemSchema(description);
        Set<String> operationIds = new HashSet<>();
        description.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            complete(path, operation);
            name(operation, operationIds);
        }));
        return description;
    }

    private static void addProblemSchema(OpenAPI description) {
        if (description.getComponents() == null) {
            description.components(new Components());
        }
        ResolvedSchema problem = ModelConverters.getInstance().readAllAsResolvedSchema(Problem.class);
        description.getComponents().addSchemas(PROBLEM, problem.schema);
        problem.referencedSchemas.forEach(description.getComponents()::addSchemas);
    }

    private static void complete(String path, Operation operation) {
        if (operation.getTags() == null || operation.getTags().isEmpty()) {
            operation.addTagsItem(path.replaceFirst("^/", "").split("[/.{]", 2)[0]);
        }
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponses responses = operation.getResponses();
        boolean pathNamesSomething = operation.getParameters() != null
                && operation.getParameters().stream().map(Parameter::getIn).anyMatch("path"::equals);
        boolean takesInput = operation.getRequestBody() != null || operation.getParameters() != null
                && !operation.getParameters().isEmpty();
        if (takesInput) {
            problem(responses, "400", "the request is refused: the detail says why");
        }
        problem(responses, "401", "no or wrong admin credentials (HTTP Basic)");
        if (pathNamesSomething && !responses.containsKey("201")) {
            problem(responses, "404", "nothing of that name or id");
        }
        if (operation.getRequestBody() != null) {
            problem(responses, "415", "the body is not application/json");
        }
        problem(responses, "429", "too many failed logins from this address: locked out for a while (Retry-After)");
        problem(responses, ApiResponses.DEFAULT, "an error: 503 with Retry-After when the database is unavailable, "
                + "500 with a reference to the router's log for anything unexpected");
    }

    /**
     * Names an operation after its tag and its Java method ({@code addressList}, {@code dialplanTranslate}) rather
     * than the method alone, which swagger-core numbers when two resources share it ({@code list_3}).
     */
    private static void name(Operation operation, Set<String> taken) {
        String method = operation.getOperationId().replaceFirst("_[0-9]+$", "");
        String tag = operation.getTags().get(0).replaceAll("[^A-Za-z0-9]", "");
        String name = tag + Character.toUpperCase(method.charAt(0)) + method.substring(1);
        if (taken.add(name)) {
            operation.setOperationId(name);
        }
    }

    private static void problem(ApiResponses responses, String status, String description) {
        if (responses.containsKey(status)) {
            return;
        }
        Schema<?> problem = new Schema<>().$ref("#/components/schemas/" + PROBLEM);
        responses.addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType(Problem.MEDIA_TYPE, new MediaType().schema(problem))));
    }
}

package org.interchange.mgmt;

import java.util.UUID;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.interchange.container.config.InvalidConfigurationException;
import org.interchange.core.persistence.DatabaseUnavailableException;
import org.interchange.core.persistence.InvalidDataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns failures into {@link Problem} answers: 400 for a request the router refuses (its own validation messages),
 * 400 for a body that is not JSON, the status of what JAX-RS refused (unknown path, method, media type), 503 with
 * Retry-After when the database is unavailable, and 500 with a reference to the log for anything else. No exception
 * text reaches the client: it may name classes, tables or SQL.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ProblemMapper.class);
    static final int RETRY_AFTER_SECONDS = 30;

    @Override
    public Response toResponse(Exception error) {
        if (error instanceof WebApplicationException web) {
            Response refused = web.getResponse();
            Response.ResponseBuilder answer = Response.fromResponse(problemFor(refused.getStatus()).response());
            // 405 says which methods the resource has
            String allow = refused.getHeaderString(HttpHeaders.ALLOW);
            return (allow == null ? answer : answer.header(HttpHeaders.ALLOW, allow)).build();
        }
        if (error instanceof JsonProcessingException) {
            return notJson().response();
        }
        if (error instanceof InvalidConfigurationException) {
            return Problem.of("invalid-configuration", "Invalid configuration", 400, error.getMessage()).response();
        }
        if (error instanceof IllegalArgumentException || error instanceof InvalidDataException) {
            return Problem.of("invalid-request", "Invalid request", 400, error.getMessage()).response();
        }
        if (error instanceof DatabaseUnavailableException) {
            return Response.fromResponse(Problem.of("database-unavailable", "Database unavailable", 503,
                    "the router cannot reach its database; try again later").response())
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        String reference = UUID.randomUUID().toString();
        log.error("Admin API: internal error, reference {}", reference, error);
        return Problem.of("internal-error", "Internal error", 500,
                "the router failed to do this; its log has the cause under reference " + reference).response();
    }

    /** A 404 of the router's own: {@code what} names what is missing. */
    static Response notFound(String what) {
        return Problem.of("not-found", "Not found", 404, what).response();
    }

    static Problem notJson() {
        return Problem.of("invalid-json", "Invalid JSON", 400,
                "the body is not the JSON this resource takes (see the admin API in the README)");
    }

    /** The problem for a status that JAX-RS or the container chose. */
    static Problem problemFor(int status) {
        return Problem.ofStatus(status, switch (status) {
            case 400 -> "the request is malformed";
            case 404 -> "no resource here; the admin API is under /interchange/api (see the README)";
            case 405 -> "this resource does not take that method";
            case 406 -> "the admin API answers application/json";
            case 415 -> "send the body as application/json";
            default -> status >= 500 ? "the router failed to do this; see its log" : "the request was refused";
        });
    }
}

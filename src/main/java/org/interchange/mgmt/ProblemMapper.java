package org.interchange.mgmt;

import java.util.Map;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

import org.interchange.core.persistence.DatabaseUnavailableException;
import org.interchange.core.persistence.InvalidDataException;

/** Turns failures into JSON answers: {@code {"error": "..."}} with 400, 404, 503 or 500. */
@Provider
public class ProblemMapper implements ExceptionMapper<Exception> {

    @Override
    public Response toResponse(Exception error) {
        if (error instanceof WebApplicationException web) {
            return problem(web.getResponse().getStatus(), error.getMessage());
        }
        if (error instanceof IllegalArgumentException || error instanceof InvalidDataException) {
            return problem(400, error.getMessage());
        }
        if (error instanceof DatabaseUnavailableException) {
            return Response.status(503).header("Retry-After", "30").type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", error.getMessage())).build();
        }
        return problem(500, String.valueOf(error));
    }

    static Response problem(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message == null ? "" : message)).build();
    }
}

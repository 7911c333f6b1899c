package org.interchange.mgmt;

import java.io.IOException;

import javax.servlet.http.HttpServletResponse;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An error answer of the admin API, an RFC 7807 problem ({@code application/problem+json}): what went wrong in
 * words an operator can act on, never an exception's text (an unexpected failure is logged with a reference that
 * {@code detail} gives).
 *
 * @param type   {@code urn:interchange:problem:<name>} for the router's own problems, {@code about:blank} when the
 *               HTTP status says it all
 * @param title  a short summary of the type
 * @param status the HTTP status
 * @param detail this occurrence
 */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A problem of the router's own, {@code urn:interchange:problem:<name>}. */
    static Problem of(String name, String title, int status, String detail) {
        return new Problem("urn:interchange:problem:" + name, title, status, detail);
    }

    /** A problem that its HTTP status describes ({@code about:blank}, titled with the status's reason phrase). */
    static Problem ofStatus(int status, String detail) {
        Response.StatusType known = Response.Status.fromStatusCode(status);
        return new Problem("about:blank", known == null ? "HTTP " + status : known.getReasonPhrase(), status, detail);
    }

    /** The JAX-RS answer: this problem as its body. */
    Response response() {
        return Response.status(status).type(MEDIA_TYPE).entity(json()).build();
    }

    /** Writes this problem as the whole answer of a servlet or filter. */
    void write(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json());
        response.flushBuffer();
    }

    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record always serialises", e);
        }
    }
}

package org.interchange.health;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.interchange.core.BeanLookup;

/**
 * {@code GET /health/live} and {@code /health/ready} ({@code web.xml}): the {@link Health} reports as JSON,
 * {@code 200} when up, {@code 503} when down; any other path under {@code /health} is a 404. Without credentials:
 * an orchestrator or load balancer asks, and nothing here is secret.
 */
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The reports by path under {@code /health}. */
    private transient Map<String, Supplier<HealthReport>> reports;

    @Override
    public void init() {
        Health health = BeanLookup.bean(Health.class);
        reports = Map.of("/live", health::liveness, "/ready", health::readiness);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Supplier<HealthReport> asked = request.getPathInfo() == null ? null : reports.get(request.getPathInfo());
        if (asked == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        HealthReport report = asked.get();
        response.setStatus(report.up() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        JSON.writeValue(response.getOutputStream(), report);
    }
}

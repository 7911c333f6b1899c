package org.interchange.health;

import java.io.IOException;

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

    private transient Health health;

    @Override
    public void init() {
        health = BeanLookup.bean(Health.class);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        HealthReport report;
        if ("/live".equals(path)) {
            report = health.liveness();
        } else if ("/ready".equals(path)) {
            report = health.readiness();
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setStatus(report.up() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        JSON.writeValue(response.getOutputStream(), report);
    }
}

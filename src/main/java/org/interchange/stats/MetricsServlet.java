package org.interchange.stats;

import java.io.IOException;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.interchange.core.BeanLookup;

/**
 * {@code GET /metrics} ({@code web.xml}): every meter in Prometheus's text exposition format (version 0.0.4), as
 * Micrometer's Prometheus registry writes it. Behind the admin credentials, like {@code /api}.
 */
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private transient PrometheusMeterRegistry registry;

    @Override
    public void init() {
        registry = BeanLookup.bean(Meters.class).prometheus();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        registry.scrape(response.getOutputStream());
    }
}

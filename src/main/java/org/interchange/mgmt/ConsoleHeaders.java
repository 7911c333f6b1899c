package org.interchange.mgmt;

import java.io.IOException;
import java.util.Map;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;

/**
 * The admin console's files ({@code web.xml} maps this onto {@code /console/*}) come with headers that keep the
 * admin credentials it holds from leaking: scripts, styles and calls only from the router itself (no inline script,
 * nothing from elsewhere, so injected markup cannot run), no framing (clickjacking), no sniffing, no referrer, and a
 * revalidation on every load, so that a tab never runs the console of a router since upgraded.
 */
public class ConsoleHeaders implements Filter {

    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                    + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-cache");

    @Override
    public void init(FilterConfig config) {
        // nothing to set up
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        HEADERS.forEach(http::setHeader);
        chain.doFilter(request, response);
    }

    @Override
    public void destroy() {
        // nothing held
    }
}

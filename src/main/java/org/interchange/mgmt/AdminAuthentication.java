package org.interchange.mgmt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.interchange.core.BeanLookup;

/** HTTP Basic authentication in front of the admin API ({@code web.xml} maps it onto {@code /api/*}). */
public class AdminAuthentication implements Filter {

    private AdminSettings settings;

    @Override
    public void init(FilterConfig config) {
        settings = BeanLookup.bean(AdminSettings.class);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String header = ((HttpServletRequest) request).getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6) && matches(header.substring(6).trim())) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse http = (HttpServletResponse) response;
        http.setHeader("WWW-Authenticate", "Basic realm=\"Interchange admin\"");
        http.sendError(HttpServletResponse.SC_UNAUTHORIZED);
    }

    private boolean matches(String encoded) {
        byte[] given;
        try {
            given = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] expected = (settings.user() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, expected);
    }

    @Override
    public void destroy() {
        // nothing held
    }
}

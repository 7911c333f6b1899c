package org.interchange.mgmt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import javax.servlet.AsyncContext;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.interchange.core.BeanLookup;
import org.interchange.core.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic authentication in front of the admin API ({@code web.xml} maps it onto {@code /api/*}). A failed login
 * is logged with its source address and answered 401 only after {@link #FAILURE_DELAY}, by a timer thread (the
 * request is asynchronous meanwhile, so that slow answers hold no request thread); a source locked out by
 * {@link LoginFailures} gets 429 with Retry-After at once, without its credentials being checked.
 *
 * <p>A request sent by a script in a page, marked by {@code X-Requested-With: XMLHttpRequest} (the admin console
 * marks every call so), gets its 401 without {@code WWW-Authenticate}: browsers answer that header with a login
 * dialog of their own, over the console's sign-in form, whichever of the two asked. Every other client is
 * challenged as RFC 7235 says.
 */
public class AdminAuthentication implements Filter {

    static final Duration FAILURE_DELAY = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(AdminAuthentication.class);

    private AdminSettings settings;
    private Scheduler scheduler;
    private LoginFailures failures;

    /** For the container, which calls {@link #init}. */
    public AdminAuthentication() {
    }

    AdminAuthentication(AdminSettings settings, Scheduler scheduler, LoginFailures failures) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.failures = failures;
    }

    @Override
    public void init(FilterConfig config) {
        settings = BeanLookup.bean(AdminSettings.class);
        scheduler = BeanLookup.bean(Scheduler.class);
        failures = new LoginFailures(BeanLookup.bean(Clock.class));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String source = request.getRemoteAddr();
        Optional<Duration> locked = failures.lockedOut(source);
        if (locked.isPresent()) {
            long seconds = Math.max(1, locked.get().toSeconds());
            HttpServletResponse answer = (HttpServletResponse) response;
            answer.setHeader("Retry-After", String.valueOf(seconds));
            Problem.of("locked-out", "Too many failed logins", 429, "too many failed logins from " + source
                    + "; try again in " + seconds + " s").write(answer);
            return;
        }
        String header = http.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6) && matches(header.substring(6).trim())) {
            failures.succeeded(source);
            chain.doFilter(request, response);
            return;
        }
        boolean challenge = !"XMLHttpRequest".equalsIgnoreCase(http.getHeader("X-Requested-With"));
        if (header == null) {
            // not a login attempt (a client that waits for the challenge): answered at once, not counted
            unauthorized((HttpServletResponse) response, challenge);
            return;
        }
        if (failures.failed(source)) {
            log.warn("Admin API: failed login from {}; {} failures in a row: locked out for {} s", source,
                    LoginFailures.MAX_FAILURES, LoginFailures.LOCKOUT.toSeconds());
        } else {
            log.warn("Admin API: failed login from {} ({} {})", source, http.getMethod(), http.getRequestURI());
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(FAILURE_DELAY.plusSeconds(30).toMillis());
        scheduler.after(FAILURE_DELAY, () -> answerUnauthorized(async, challenge));
    }

    private static void answerUnauthorized(AsyncContext async, boolean challenge) {
        try {
            unauthorized((HttpServletResponse) async.getResponse(), challenge);
            async.complete();
        } catch (IOException | IllegalStateException e) {
            log.debug("Admin API: the client left before its 401", e);
        }
    }

    private static void unauthorized(HttpServletResponse response, boolean challenge) throws IOException {
        if (challenge) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Interchange admin\", charset=\"UTF-8\"");
        }
        Problem.of("authentication-required", "Authentication required", 401,
                "the admin API needs the admin user's credentials (HTTP Basic)").write(response);
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

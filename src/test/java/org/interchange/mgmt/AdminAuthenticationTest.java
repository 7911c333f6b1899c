package org.interchange.mgmt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.servlet.AsyncContext;
import javax.servlet.FilterChain;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.interchange.core.ManualScheduler;
import org.interchange.core.TestClock;
import org.junit.jupiter.api.Test;

/**
 * A failed login is answered later, by the scheduler, with the request asynchronous meanwhile: the thread that
 * brought it returns at once. (The request, response and async context are stand-ins that record what the filter
 * does with them.)
 */
class AdminAuthenticationTest {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final AdminAuthentication filter = new AdminAuthentication(new AdminSettings("admin", "right"), scheduler,
            new LoginFailures(TestClock.at("2026-12-06T10:00:00Z")));

    @Test
    void aFailedLoginReturnsTheThreadAtOnceAndIsAnswered401WhenTheDelayHasPassed() throws Exception {
        Exchange exchange = new Exchange("192.0.2.7", basic("admin", "wrong"));

        filter.doFilter(exchange.request(), exchange.response(), exchange.chain());

        assertThat(exchange.asyncStarted).as("the request went asynchronous").isTrue();
        assertThat(exchange.status).as("nothing answered yet").isZero();
        assertThat(scheduler.runDelayed()).isEqualTo(1);
        assertThat(exchange.status).isEqualTo(401);
        assertThat(exchange.headers).containsKey("WWW-Authenticate");
        assertThat(exchange.body.toString()).contains("\"status\":401", "authentication-required");
        assertThat(exchange.completed).isTrue();
        assertThat(exchange.passedOn).isFalse();
    }

    @Test
    void aPageScriptsFailedLoginIsNotChallengedSoThatTheBrowserShowsNoDialogOfItsOwn() throws Exception {
        Exchange exchange = new Exchange("192.0.2.7", basic("admin", "wrong"));
        exchange.requestedWith = "XMLHttpRequest";

        filter.doFilter(exchange.request(), exchange.response(), exchange.chain());
        scheduler.runDelayed();

        assertThat(exchange.status).isEqualTo(401);
        assertThat(exchange.headers).doesNotContainKey("WWW-Authenticate");
        assertThat(exchange.body.toString()).contains("authentication-required");
    }

    @Test
    void theRightCredentialsPassAtOnce() throws Exception {
        Exchange exchange = new Exchange("192.0.2.7", basic("admin", "right"));

        filter.doFilter(exchange.request(), exchange.response(), exchange.chain());

        assertThat(exchange.passedOn).isTrue();
        assertThat(exchange.asyncStarted).isFalse();
        assertThat(scheduler.runDelayed()).isZero();
    }

    @Test
    void aLockedOutSourceGets429AtOnceEvenWithTheRightCredentials() throws Exception {
        for (int i = 0; i < LoginFailures.MAX_FAILURES; i++) {
            Exchange failing = new Exchange("192.0.2.7", basic("admin", "wrong"));
            filter.doFilter(failing.request(), failing.response(), failing.chain());
        }
        scheduler.runDelayed();
        Exchange exchange = new Exchange("192.0.2.7", basic("admin", "right"));

        filter.doFilter(exchange.request(), exchange.response(), exchange.chain());

        assertThat(exchange.status).isEqualTo(429);
        assertThat(exchange.headers).containsEntry("Retry-After", "300");
        assertThat(exchange.passedOn).isFalse();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** One HTTP exchange as the filter sees it, recording what it does. */
    private static final class Exchange {
        final String source;
        final String authorization;
        String requestedWith;
        final Map<String, String> headers = new HashMap<>();
        final StringWriter body = new StringWriter();
        int status;
        boolean asyncStarted;
        boolean completed;
        boolean passedOn;

        Exchange(String source, String authorization) {
            this.source = source;
            this.authorization = authorization;
        }

        HttpServletRequest request() {
            return stand(HttpServletRequest.class, (method, args) -> switch (method) {
                case "getRemoteAddr" -> source;
                case "getHeader" -> switch ((String) args[0]) {
                    case "Authorization" -> authorization;
                    case "X-Requested-With" -> requestedWith;
                    default -> null;
                };
                case "getMethod" -> "GET";
                case "getRequestURI" -> "/interchange/api/timers";
                case "startAsync" -> {
                    asyncStarted = true;
                    yield asyncContext();
                }
                default -> null;
            });
        }

        HttpServletResponse response() {
            PrintWriter writer = new PrintWriter(body);
            return stand(HttpServletResponse.class, (method, args) -> {
                switch (method) {
                    case "setStatus" -> status = (Integer) args[0];
                    case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                    case "getWriter" -> {
                        return writer;
                    }
                    case "flushBuffer" -> writer.flush();
                    default -> {
                    }
                }
                return null;
            });
        }

        FilterChain chain() {
            return (request, response) -> passedOn = true;
        }

        private AsyncContext asyncContext() {
            HttpServletResponse response = response();
            return stand(AsyncContext.class, (method, args) -> switch (method) {
                case "getResponse" -> response;
                case "complete" -> {
                    completed = true;
                    yield null;
                }
                default -> null;
            });
        }
    }

    private interface Behaviour {
        Object answer(String method, Object[] args);
    }

    private static <T> T stand(Class<T> type, Behaviour behaviour) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> behaviour.answer(method.getName(), args)));
    }
}

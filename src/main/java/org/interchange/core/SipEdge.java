package org.interchange.core;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.servlet.ServletException;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;

import org.interchange.container.ReceivedMessageParserFactory;
import org.interchange.container.SipHeaderFields;
import org.interchange.container.config.Transport;
import org.interchange.core.persistence.DatabaseUnavailableException;
import org.interchange.core.persistence.InvalidDataException;
import org.interchange.core.sip.Endpoint;
import org.interchange.core.sip.InboundRequest;
import org.interchange.core.sip.Reply;
import org.interchange.core.sip.SipHeaders;
import org.interchange.core.sip.SipSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge between the container's SIP messages and the router's beans: reads a request into an
 * {@link InboundRequest}, sends a {@link Reply}, and turns failures into the replies RFC 3261 expects. The one class
 * of {@code core} that imports {@code javax.servlet.sip}.
 */
public final class SipEdge {

    /**
     * How long queued work may wait for a thread before it is answered 503 without being done: half of the 32 s a
     * client transaction over UDP lives (RFC 3261 Timer B and F), so that the client still hears the answer and can
     * try another server, and so that a queue that filled while the database hung drains at once when work is old.
     */
    static final Duration MAX_QUEUE_WAIT = Duration.ofSeconds(16);

    /** Seconds a client should wait before retrying when the database is down. */
    public static final int RETRY_AFTER_SECONDS = 30;

    private static final Logger log = LoggerFactory.getLogger(SipEdge.class);

    private SipEdge() {
    }

    /** The request as beans see it; its header fields are read from the request when a bean asks for them. */
    public static InboundRequest read(SipServletRequest request) {
        SipHeaders headers = SipHeaders.readOnDemand(name -> {
            List<String> values = new ArrayList<>(1);
            request.getHeaders(name).forEachRemaining(values::add);
            return values;
        });
        Transport transport = Transport.parse(transportOf(request));
        return new InboundRequest(request.getMethod(), request.getRequestURI().toString(), headers,
                new Endpoint(transport, request.getRemoteAddr(), request.getRemotePort()),
                new Endpoint(transport, request.getLocalAddr(), request.getLocalPort()),
                request.isInitial());
    }

    /**
     * The transport a request arrived over. MSS knows it from the request's transaction; an ACK for a 2xx has none,
     * and then the top Via, which its sender wrote for that transport, says it.
     */
    private static String transportOf(SipServletRequest request) {
        String transport = request.getTransport();
        if (transport != null) {
            return transport.toLowerCase(Locale.ROOT);
        }
        String via = String.valueOf(request.getHeader("Via")).trim();
        int slash = via.indexOf('/', via.indexOf('/') + 1);
        int end = slash < 0 ? -1 : via.indexOf(' ', slash);
        if (end < 0) {
            throw new SipSyntaxException("no transport in Via " + via);
        }
        return via.substring(slash + 1, end).trim().toLowerCase(Locale.ROOT);
    }

    /** What a servlet does with a bean's decision; may fail as servlets do. */
    @FunctionalInterface
    public interface Apply<T> {
        void apply(T decision) throws ServletException, IOException;
    }

    /**
     * What becomes of a request that could not be parsed (OpenSIPS's {@code error_route}): the reply to send, empty
     * to send none.
     */
    @FunctionalInterface
    public interface ErrorRoute {
        Optional<Reply> answer(String problem, Endpoint source, Optional<String> method, Reply defaultReply);
    }

    /**
     * Runs a bean's decision on a request and applies it, answering failures instead: a request the container layer
     * marked malformed and a syntax error as {@code errors} decides (by default 400, or 505), a value the database
     * refuses with 400, a database failure with 500 and Retry-After, anything else with 500 (and a log entry).
     */
    public static <T> void handle(SipServletRequest request, Function<InboundRequest, T> decide, Apply<T> apply,
                                  ErrorRoute errors) throws ServletException, IOException {
        Optional<String> malformed = ReceivedMessageParserFactory.malformed(request);
        if (malformed.isPresent()) {
            // malformed, over a connection: the container layer let it through to be answered here, on it
            String problem = malformed.get();
            Reply answer = problem.startsWith("505 ") ? Reply.of(505, problem.substring(4))
                    : Reply.of(400, "Bad Request (" + problem + ")");
            sendUnlessDropped(request, errors.answer(problem, source(request), Optional.empty(), answer));
            return;
        }
        T decision;
        try {
            decision = decide.apply(read(request));
        } catch (SipSyntaxException e) {
            sendUnlessDropped(request, errors.answer(e.getMessage(), source(request),
                    Optional.of(request.getMethod()), failure(request, e)));
            return;
        } catch (RuntimeException e) {
            send(request, failure(request, e));
            return;
        }
        apply.apply(decision);
    }

    private static Endpoint source(SipServletRequest request) {
        return new Endpoint(Transport.parse(transportOf(request)), request.getRemoteAddr(), request.getRemotePort());
    }

    private static void sendUnlessDropped(SipServletRequest request, Optional<Reply> reply) throws IOException {
        if (reply.isPresent()) {
            send(request, reply.get());
        }
    }

    /**
     * Answers a request later, from a thread of {@code executor}, with what {@code work} decides there (JSR 289
     * lets a response be sent from any thread; MSS sends it on the request's server transaction), failures answered
     * as {@link #handle} answers them. For work that may wait on the database, off the SIP stack's threads. When
     * the executor refuses the work (its queue is full), answers 503 with Retry-After at once; work that waited in
     * the queue longer than {@link #MAX_QUEUE_WAIT} is answered so too, without being done.
     */
    public static void answerLater(SipServletRequest request, Executor executor, Supplier<Reply> work)
            throws IOException {
        long queued = System.nanoTime();
        try {
            executor.execute(() -> {
                Reply reply;
                try {
                    reply = System.nanoTime() - queued > MAX_QUEUE_WAIT.toNanos() ? overloaded() : work.get();
                } catch (RuntimeException e) {
                    reply = failure(request, e);
                }
                try {
                    send(request, reply);
                } catch (IOException | RuntimeException e) {
                    log.warn("{} {}: the {} could not be sent: {}", request.getMethod(), request.getRequestURI(),
                            reply.status(), e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("{} {} answered 503: the queue of work waiting for the database is full", request.getMethod(),
                    request.getRequestURI());
            send(request, overloaded());
        }
    }

    private static Reply overloaded() {
        return Reply.of(503, "Service Unavailable (overloaded)")
                .with("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    }

    /**
     * The reply to a request whose handling failed: a syntax error or a value the database refuses with 400, a
     * database failure with 500 and Retry-After, anything else with 500 (and a log entry).
     */
    private static Reply failure(SipServletRequest request, RuntimeException error) {
        if (error instanceof InvalidDataException) {
            log.info("{} {} answered 400: {}", request.getMethod(), request.getRequestURI(),
                    error.getCause() != null ? error.getCause().toString() : error.getMessage());
            return Reply.of(400, "Bad Request (" + error.getMessage() + ")");
        }
        if (error instanceof SipSyntaxException) {
            return Reply.of(400, "Bad Request (" + error.getMessage() + ")");
        }
        if (error instanceof DatabaseUnavailableException) {
            log.warn("{} {} answered 500: {}", request.getMethod(), request.getRequestURI(), error.getMessage());
            return Reply.of(500, "Server Internal Error (database unavailable)")
                    .with("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        }
        log.error("{} {} failed", request.getMethod(), request.getRequestURI(), error);
        return Reply.of(500, "Server Internal Error");
    }

    /** Sends a reply to a request; ACK, which takes no reply, is left alone. */
    public static void send(SipServletRequest request, Reply reply) throws IOException {
        if ("ACK".equals(request.getMethod())) {
            return;
        }
        SipServletResponse response = reply.reason().isEmpty()
                ? request.createResponse(reply.status())
                : request.createResponse(reply.status(), reply.reason());
        reply.headers().forEach(header -> SipHeaderFields.append(response, header.name(), header.value()));
        response.send();
    }
}

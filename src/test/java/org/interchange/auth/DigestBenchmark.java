package org.interchange.auth;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.interchange.auth.Authenticator.Authenticated;
import org.interchange.auth.Authenticator.Kind;
import org.interchange.auth.Authenticator.Outcome;
import org.interchange.auth.internal.DigestCredentials;
import org.interchange.auth.internal.Nonces;
import org.interchange.core.Beans;
import org.interchange.core.ManualScheduler;
import org.interchange.core.TestClock;
import org.interchange.core.persistence.TestDatabase;
import org.interchange.core.sip.Aor;
import org.interchange.core.sip.InboundRequest;
import org.interchange.core.sip.Reply;
import org.interchange.core.sip.SipRequests;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of digest authentication of a REGISTER ({@link Authenticator#authenticate}): reading the Authorization
 * header field, verifying the nonce (HMAC-SHA-256) and its count, looking the subscriber's HA1 up in memory and
 * computing the expected response, with MD5 and SHA-256; beside it, the 401 challenge a REGISTER without credentials
 * gets, and the parts. Not a test: run with {@code mvn -B -o -pl src -am -Pjmh test-compile exec:exec
 * -Djmh.args=Digest} (see {@code it-tests/bench/README.md}).
 *
 * <p>The authenticator and the subscribers are built as the router builds them (constructors, then what CDI calls),
 * the subscribers loaded from an H2 database in memory that nothing reads while measuring, the clock standing still.
 * Settings: {@code auth.algorithms = SHA-256, MD5}, nonce lifetime 300 s.
 *
 * <p>A nonce count is accepted once (replay protection), so every authentication needs credentials of its own. Each
 * call of the benchmark method authenticates a batch of {@value #BATCH} REGISTERs that a user agent wrote before it,
 * untimed: one nonce from a 401, counts 1 to {@value #BATCH}, as a user agent that keeps its nonce does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DigestBenchmark {

    static final int BATCH = 1000;
    private static final String REALM = "example.com";
    private static final String URI = "sip:example.com";
    private static final String SECRET = "a nonce secret of the benchmark";
    private static final Duration NONCE_LIFETIME = Duration.ofSeconds(300);

    private final TestClock clock = TestClock.at("2026-12-01T10:00:00Z");
    private Authenticator authenticator;
    private Nonces nonces;
    private String nonce;
    private String credentials;

    @Setup
    public void setUp() {
        ManualScheduler scheduler = new ManualScheduler();
        AuthSettings settings = new AuthSettings(true, Set.copyOf(AuthSettings.DEFAULT_METHODS), List.of(),
                List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5), NONCE_LIFETIME, SECRET, Duration.ofSeconds(60));
        Subscribers subscribers = Beans.constructed(new Subscribers(TestDatabase.H2.empty(), scheduler, settings));
        subscribers.save(Aor.parse("alice@" + REALM), "wonderland");
        authenticator = Beans.constructed(new Authenticator(settings, subscribers, clock, scheduler,
                new AuthStats(new SimpleMeterRegistry())));
        // the authenticator's nonces, as a second instance with the same secret and clock checks them
        nonces = new Nonces(SECRET.getBytes(StandardCharsets.UTF_8), NONCE_LIFETIME, clock);
        Reply challenge = authenticator.challenge(REALM, Kind.WWW, false);
        nonce = DigestClient.challengeOf(challenge, DigestAlgorithm.MD5).get("nonce");
        credentials = new DigestClient("alice", "wonderland").answer(challenge, "REGISTER", URI, DigestAlgorithm.MD5);
        if (nonces.check(nonce) != Nonces.State.VALID) {
            throw new IllegalStateException("the nonce must be valid");
        }
    }

    /** A batch of REGISTERs with credentials for one nonce, made by the user agent before each call, untimed. */
    @State(Scope.Thread)
    public static class Registers {

        @Param({"MD5", "SHA_256"})
        DigestAlgorithm algorithm;

        final InboundRequest[] requests = new InboundRequest[BATCH];
        Outcome lastOutcome;

        @Setup(Level.Invocation)
        public void writeBatch(DigestBenchmark benchmark) {
            if (lastOutcome != null && !(lastOutcome instanceof Authenticated)) {
                throw new IllegalStateException("every REGISTER must authenticate, the last got " + lastOutcome);
            }
            Reply challenge = benchmark.authenticator.challenge(REALM, Kind.WWW, false);
            DigestClient alice = new DigestClient("alice", "wonderland");
            for (int i = 0; i < BATCH; i++) {
                requests[i] = register(alice.answer(challenge, "REGISTER", URI, algorithm, i + 1L));
            }
        }
    }

    /** One REGISTER with valid credentials: the whole verification, nonce and count included. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void authenticate(Registers batch, Blackhole sink) {
        Outcome outcome = null;
        for (InboundRequest request : batch.requests) {
            outcome = authenticator.authenticate(request, REALM, Kind.WWW);
            sink.consume(outcome);
        }
        batch.lastOutcome = outcome;
    }

    /** A REGISTER without credentials: the 401 with a fresh nonce for each of SHA-256 and MD5. */
    @Benchmark
    public Reply challenge() {
        return authenticator.challenge(REALM, Kind.WWW, false);
    }

    /** A part of the verification: reading the Authorization value with JAIN-SIP's parser. */
    @Benchmark
    public Optional<DigestCredentials> partParseCredentials() {
        return DigestCredentials.parse(credentials);
    }

    /** A part of the verification: the nonce's signature and age. */
    @Benchmark
    public Nonces.State partCheckNonce() {
        return nonces.check(nonce);
    }

    private static InboundRequest register(String authorization) {
        return SipRequests.parse("""
                REGISTER sip:example.com SIP/2.0
                Via: SIP/2.0/UDP 198.51.100.7:5060;rport;branch=z9hG4bK-bench
                Max-Forwards: 70
                From: <sip:alice@example.com>;tag=8f2e6c41
                To: <sip:alice@example.com>
                Call-ID: bench@198.51.100.7
                CSeq: 2 REGISTER
                Contact: <sip:alice@198.51.100.7:5060>;expires=3600
                Authorization: %s
                User-Agent: Phone/2.4.1
                Content-Length: 0
                """.formatted(authorization));
    }
}

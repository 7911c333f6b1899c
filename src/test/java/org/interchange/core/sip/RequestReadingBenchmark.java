package org.interchange.core.sip;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.interchange.container.config.Transport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of reading a REGISTER at the servlet edge: the request the beans see, whose header fields are read on
 * demand ({@link SipHeaders#readOnDemand}, here from collected values in place of the message), and the fields the
 * registrar parses again on each read, To, From and Contact ({@link NameAddress}) and their URIs ({@link SipUri}),
 * which the JAIN-SIP parser behind each parses anew from text. Not a test: run with
 * {@code mvn -B -o -pl src -am -Pjmh test-compile exec:exec -Djmh.args=RequestReading} (see
 * {@code it-tests/bench/README.md}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RequestReadingBenchmark {

    /** A REGISTER's header fields as the container lists them: name, then value, one value each. */
    private static final List<String> REGISTER_FIELDS = List.of(
            "Via", "SIP/2.0/UDP 198.51.100.7:5060;rport=5060;branch=z9hG4bK-ua-1a2b3c;received=198.51.100.7",
            "Max-Forwards", "70",
            "From", "<sip:alice@example.com>;tag=8f2e6c41",
            "To", "<sip:alice@example.com>",
            "Call-ID", "9d5a0e2c7b3f41d8@198.51.100.7",
            "CSeq", "2 REGISTER",
            "Contact", "<sip:alice@198.51.100.7:5060;transport=udp>;expires=3600;"
                    + "+sip.instance=\"<urn:uuid:0c8f6e2a-5b1d-4f3e-9a7c-2d4e6f8a0b1c>\"",
            "Authorization", "Digest username=\"alice\", realm=\"example.com\", nonce=\"AAABk2xQ8gC7c1b9a0d4e2f6\", "
                    + "uri=\"sip:example.com\", response=\"6629fae49393a05397450978507c4ef1\", algorithm=MD5, "
                    + "qop=auth, nc=00000001, cnonce=\"0a4f113b\"",
            "Expires", "3600",
            "Supported", "path",
            "Supported", "gruu",
            "User-Agent", "Phone/2.4.1",
            "Content-Length", "0");

    private static final SipHeaders FIELDS = collected(REGISTER_FIELDS);

    private static final Endpoint SOURCE = new Endpoint(Transport.UDP, "198.51.100.7", 5060);
    private static final Endpoint LISTENER = new Endpoint(Transport.UDP, "127.0.0.1", 5060);

    private InboundRequest register;

    @Setup
    public void setUp() {
        register = readRegister();
        if (!register.to().sipUri().user().orElseThrow().equals("alice") || register.cseq() != 2) {
            throw new IllegalStateException("the REGISTER must read as alice's: " + register);
        }
    }

    /** The request the beans see, as the edge builds it for every request: no header field read yet. */
    @Benchmark
    public InboundRequest readRegister() {
        return new InboundRequest("REGISTER", "sip:example.com",
                SipHeaders.readOnDemand(FIELDS::all),
                SOURCE, LISTENER, true);
    }

    /**
     * What the registrar parses of one REGISTER with credentials, as it reads it (RFC 3261 10.3): the Request-URI,
     * To and its URI (read twice: the domain, then the address-of-record), each Contact and its URI (the registrar's
     * {@code RequestedContact} runs the same two JAIN-SIP parsers), Call-ID, CSeq, Expires. Not the Authorization
     * value: {@code DigestBenchmark} counts it.
     */
    @Benchmark
    public void registrarReads(Blackhole sink) {
        sink.consume(SipUri.parse(register.requestUri()));
        NameAddress to = register.to();
        sink.consume(to.sipUri());
        sink.consume(to.sipUri());
        for (String contact : register.headers().all("Contact")) {
            sink.consume(NameAddress.parse(contact).sipUri());
        }
        sink.consume(register.callId());
        sink.consume(register.cseq());
        sink.consume(register.headers().first("Expires"));
    }

    /** To, as {@link InboundRequest#to} parses it on each call. */
    @Benchmark
    public NameAddress partTo() {
        return register.to();
    }

    /** From, as the proxy reads it (its tag, its user). */
    @Benchmark
    public NameAddress partFrom() {
        return register.from();
    }

    /** A Contact with parameters and a {@code +sip.instance}. */
    @Benchmark
    public NameAddress partContact() {
        return NameAddress.parse(register.required("Contact"));
    }

    /** A URI alone: the Request-URI. */
    @Benchmark
    public SipUri partRequestUri() {
        return SipUri.parse(register.requestUri());
    }

    private static SipHeaders collected(List<String> fields) {
        SipHeaders.Builder headers = SipHeaders.builder();
        for (int i = 0; i < fields.size(); i += 2) {
            headers.add(fields.get(i), fields.get(i + 1));
        }
        return headers.build();
    }
}

package org.interchange.it.support.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

import javax.net.ssl.SSLContext;

import gov.nist.javax.sip.address.SipUri;

/**
 * A SIP user agent for tests, over raw sockets: what it sends is exactly what a test built, and what it receives
 * is kept with the transport, the address it came from and the local socket it arrived on. No SIP stack sits in
 * between; it does only what RFC 3261 puts below a test's concern:
 * <ul>
 *   <li>as a client, it ACKs non-2xx final responses to its INVITEs (17.1.1.3), again for each retransmission;</li>
 *   <li>as a server, it sends the last reply again when a request is retransmitted, and hands the retransmission
 *       to no wait;</li>
 *   <li>responses that arrive twice (UDP retransmissions) are handed to no wait.</li>
 * </ul>
 * Everything else, replies included, is the test's to do: {@link #awaitRequest} and {@link IncomingRequest} to
 * answer, {@link #send} and {@link SentRequest} to ask, {@link Dialog} within a call.
 *
 * <p>Out-of-dialog requests go to the outbound proxy when one is set (the router, as a phone is configured),
 * otherwise to their Request-URI; requests with a Route header go to its first URI (loose routing). Every wait is
 * bounded by {@link #WAIT} and fails with a list of what did arrive. Thread-safe.
 */
public final class SipAgent implements AutoCloseable {

    /** How long any wait for a message lasts: {@code -Dinterchange.it.sip-wait-seconds}, default 10. */
    public static final Duration WAIT = Duration.ofSeconds(Long.getLong("interchange.it.sip-wait-seconds", 10));

    private static final String USER_AGENT = "interchange-it";

    private final Transport transport;
    private final Optional<Subscriber> subscriber;
    private final Optional<InetSocketAddress> outboundProxy;
    private final Inbox inbox = new Inbox();
    /** The requests received, by method and branch, each with the last reply sent to it. */
    private final Map<String, LastReply> requestsSeen = new ConcurrentHashMap<>();
    private final Set<String> responsesSeen = ConcurrentHashMap.newKeySet();
    /** The INVITEs sent, by branch, to ACK their failure responses. */
    private final Map<String, SentRequest> invitesSent = new ConcurrentHashMap<>();
    private final Channel channel;

    private static final class LastReply {
        volatile byte[] bytes;
        volatile InetSocketAddress destination;
    }

    private SipAgent(Transport transport, Optional<InetSocketAddress> local, IpFamily family,
                     Optional<Subscriber> subscriber, Optional<InetSocketAddress> outboundProxy,
                     Optional<SSLContext> tls) {
        this.transport = transport;
        this.subscriber = subscriber;
        this.outboundProxy = outboundProxy;
        this.channel = local.isPresent() ? open(transport, local.get(), tls, this::arrived)
                : AgentPorts.bind(transport, family.loopback(), tls, this::arrived);
    }

    private static Channel open(Transport transport, InetSocketAddress local, Optional<SSLContext> tls,
                                Consumer<RawMessage> inbound) {
        try {
            return transport.open(local, inbound, tls);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + transport + " on " + local, e);
        }
    }

    /**
     * Opens an agent on the loopback address of {@code family}, on a free port of the agents' range, over UDP or TCP.
     *
     * @param subscriber    who it is (From, Contact, credentials); an anonymous agent when empty
     * @param outboundProxy where out-of-dialog requests without a Route go; their Request-URI when empty
     */
    public static SipAgent open(Transport transport, IpFamily family, Optional<Subscriber> subscriber,
                                Optional<InetSocketAddress> outboundProxy) {
        return new SipAgent(transport, Optional.empty(), family, subscriber, outboundProxy, Optional.empty());
    }

    /**
     * Opens an agent as {@link #open(Transport, IpFamily, Optional, Optional)} does, over any transport: {@code tls}
     * holds the key a TLS agent serves and the certificates it trusts (ignored over UDP and TCP).
     */
    public static SipAgent open(Transport transport, IpFamily family, Optional<Subscriber> subscriber,
                                Optional<InetSocketAddress> outboundProxy, Optional<SSLContext> tls) {
        return new SipAgent(transport, Optional.empty(), family, subscriber, outboundProxy, tls);
    }

    /**
     * Opens an anonymous UDP or TCP agent on a given address and port, for a peer the router's configuration names
     * (a media server a routing rule sends to).
     */
    public static SipAgent openOn(Transport transport, InetSocketAddress local) {
        return new SipAgent(transport, Optional.of(local), IpFamily.of(local.getAddress()), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /**
     * Opens an anonymous UDP or TCP agent on a given address and port that sends out-of-dialog requests through
     * {@code outboundProxy}: a peer with an address the router's configuration names (a media server) calling out.
     */
    public static SipAgent openOn(Transport transport, InetSocketAddress local, InetSocketAddress outboundProxy) {
        return new SipAgent(transport, Optional.of(local), IpFamily.of(local.getAddress()), Optional.empty(),
                Optional.of(outboundProxy), Optional.empty());
    }

    // --- who and where --------------------------------------------------------------------------------------------

    public Transport transport() {
        return transport;
    }

    /** The local address and port it is bound to. */
    public InetSocketAddress address() {
        return channel.local();
    }

    public Subscriber subscriber() {
        return subscriber.orElseThrow(() -> new IllegalStateException(this + " is anonymous: it has no credentials"));
    }

    /** Its address-of-record: the subscriber's, or a URI of its own socket. */
    public String aor() {
        return subscriber.map(Subscriber::uri).orElse("sip:" + user() + "@" + hostPort());
    }

    /** Where it is reached: {@code sip:user@127.0.0.1:16001;transport=udp}. */
    public String contactUri() {
        return "sip:" + user() + "@" + hostPort() + ";transport=" + transport.uriParameter();
    }

    // --- building requests ----------------------------------------------------------------------------------------

    /**
     * A new out-of-dialog request (RFC 3261 8.1.1): Via with a fresh branch, Max-Forwards, From with a fresh tag,
     * To the Request-URI, a fresh Call-ID, CSeq 1, Contact, User-Agent.
     */
    public SipRequest request(String method, String requestUri) {
        return SipRequest.of(method, requestUri)
                .with("Via", via())
                .with("Max-Forwards", "70")
                .with("From", "<" + aor() + ">;tag=" + token())
                .with("To", "<" + requestUri + ">")
                .with("Call-ID", token() + "@" + address().getAddress().getHostAddress())
                .with("CSeq", "1 " + method)
                .with("Contact", "<" + contactUri() + ">")
                .with("User-Agent", USER_AGENT);
    }

    /** A REGISTER of this agent's contact for its subscriber, to the subscriber's domain (RFC 3261 10.2). */
    public SipRequest registerRequest() {
        String aor = subscriber().uri();
        return request("REGISTER", "sip:" + subscriber().domain()).replacing("To", "<" + aor + ">");
    }

    /** An INVITE with an SDP offer for one audio stream. */
    public SipRequest invite(String targetUri) {
        return request("INVITE", targetUri).withBody("application/sdp", sessionDescription());
    }

    /** A Via header field value for this agent with a fresh branch. */
    public String via() {
        return "SIP/2.0/" + transport.viaName() + " " + hostPort() + ";branch=z9hG4bK" + token() + ";rport";
    }

    /** An SDP body for one audio stream on this agent's address. */
    public String sessionDescription() {
        InetAddress address = address().getAddress();
        String family = IpFamily.of(address) == IpFamily.IPV6 ? "IP6" : "IP4";
        String host = address.getHostAddress();
        return "v=0\r\no=" + user() + " 1 1 IN " + family + " " + host + "\r\ns=-\r\nc=IN " + family + " " + host
                + "\r\nt=0 0\r\nm=audio " + (address().getPort() + 1) + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
    }

    // --- sending --------------------------------------------------------------------------------------------------

    /** Sends a request to its next hop (see the class comment). */
    public SentRequest send(SipRequest request) {
        InetSocketAddress destination = nextHop(request);
        transmit(request.encode(), destination);
        SentRequest sent = new SentRequest(this, request, destination);
        if (request.method().equals("INVITE")) {
            invitesSent.put(request.branch(), sent);
        }
        return sent;
    }

    /** Sends bytes as they are, for malformed messages. */
    public void sendRaw(byte[] bytes, InetSocketAddress destination) {
        transmit(bytes, destination);
    }

    /**
     * Sends a request that is expected to be challenged (401 or 407), then sends it again with credentials for
     * the first challenge offered (RFC 3261 22.2, 22.3).
     *
     * @return the second, authenticated request
     * @throws AssertionError when the first attempt is not challenged
     */
    public SentRequest sendAuthenticated(SipRequest request) {
        SentRequest first = send(request);
        Received challenge = first.awaitFinalResponse();
        if (challenge.challenges().isEmpty()) {
            throw new AssertionError(this + " expected a 401 or 407 challenge to " + request.method() + ", got:\n"
                    + challenge);
        }
        return retryWithCredentials(first, challenge);
    }

    /** Sends a challenged request again with credentials for the first challenge offered. */
    public SentRequest retryWithCredentials(SentRequest attempt, Received challengeResponse) {
        if (challengeResponse.challenges().isEmpty()) {
            throw new AssertionError("no challenge in:\n" + challengeResponse);
        }
        return retryWithCredentials(attempt, challengeResponse, challengeResponse.challenges().get(0).algorithm());
    }

    /**
     * Sends a challenged request again with credentials for the challenge of the given algorithm: a new branch,
     * the next CSeq, the rest unchanged.
     *
     * @throws AssertionError when the response offers no challenge with that algorithm
     */
    public SentRequest retryWithCredentials(SentRequest attempt, Received challengeResponse, String algorithm) {
        Challenge challenge = challengeResponse.challenges().stream()
                .filter(c -> c.algorithm().equalsIgnoreCase(algorithm)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + algorithm + " challenge in:\n" + challengeResponse));
        return send(Digest.sign(nextAttempt(attempt.request()), challenge, subscriber(), 1));
    }

    /** The same request again as a new transaction: a new branch and the next CSeq (RFC 3261 8.1.3.5). */
    public SipRequest nextAttempt(SipRequest request) {
        return request.replacing("Via", via())
                .replacing("CSeq", (request.cseqNumber() + 1) + " " + request.method());
    }

    /**
     * Registers this agent's contact with credentials and returns the registrar's final response.
     *
     * @throws AssertionError when the registrar does not challenge the first REGISTER
     */
    public Received register() {
        return sendAuthenticated(registerRequest()).awaitFinalResponse();
    }

    // --- receiving ------------------------------------------------------------------------------------------------

    /** The next request of this method that no wait has taken yet, waiting up to {@link #WAIT} for it. */
    public IncomingRequest awaitRequest(String method) {
        return awaitRequest(method + " request", received -> received.method().equals(method));
    }

    /** The next request that matches, waiting up to {@link #WAIT} for it. */
    public IncomingRequest awaitRequest(String description, Predicate<Received> which) {
        return new IncomingRequest(this,
                inbox.take(received -> received.isRequest() && which.test(received), description, WAIT, toString()));
    }

    /** The next response that matches, waiting up to {@link #WAIT} for it. */
    public Received awaitResponse(String description, Predicate<Received> which) {
        return inbox.take(received -> !received.isRequest() && which.test(received), description, WAIT, toString());
    }

    /**
     * The next message that matches and that no wait has taken yet, waiting up to {@code timeout}; empty when none
     * arrives. For the tests where silence is a correct answer; the others use the awaits, which fail.
     */
    public Optional<Received> poll(Predicate<Received> which, Duration timeout) {
        try {
            return inbox.poll(which, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(this + " was interrupted waiting for a message", e);
        }
    }

    /** Every message received so far that parsed, retransmissions included, in arrival order. */
    public List<Received> received() {
        return inbox.all();
    }

    /** What arrived but could not be parsed or processed, described, in arrival order. */
    public List<String> unusable() {
        return inbox.unusable();
    }

    @Override
    public void close() {
        channel.close();
    }

    @Override
    public String toString() {
        return user() + " (" + transport.uriParameter() + ":" + hostPort() + ")";
    }

    // --- what the agent does by itself ----------------------------------------------------------------------------

    private void arrived(RawMessage raw) {
        Received message;
        try {
            message = Received.parse(transport, raw);
        } catch (ParseException | RuntimeException e) {
            inbox.addUnusable("unparseable from " + raw.remote() + " (" + e.getMessage() + "):\n"
                    + new String(raw.bytes(), StandardCharsets.UTF_8));
            return;
        }
        try {
            if (message.isRequest()) {
                requestArrived(message);
            } else {
                responseArrived(message);
            }
        } catch (RuntimeException e) {
            inbox.addUnusable("not processed (" + e + "): " + message.summary());
        }
    }

    private void requestArrived(Received request) {
        LastReply previous = requestsSeen.putIfAbsent(requestKey(request), new LastReply());
        if (previous == null) {
            inbox.add(request);
            return;
        }
        inbox.addRetransmission(request);
        byte[] reply = previous.bytes;
        if (reply != null) {
            transmit(reply, previous.destination);
        }
    }

    private void responseArrived(Received response) {
        boolean retransmission = !responsesSeen.add(response.branch() + " " + response.cseqNumber() + " "
                + response.cseqMethod() + " " + response.status() + " " + response.toTag().orElse(""));
        SentRequest invite = response.branch() == null ? null : invitesSent.get(response.branch());
        if (invite != null && response.cseqMethod().equals("INVITE") && response.status() >= 300) {
            transmit(invite.ackForFailure(response).encode(), invite.destination());
        }
        if (retransmission) {
            inbox.addRetransmission(response);
        } else {
            inbox.add(response);
        }
    }

    /** Sends a reply to a received request, back where the request came from (RFC 3261 18.2.2 with rport). */
    void reply(Received request, byte[] response) {
        LastReply last = requestsSeen.get(requestKey(request));
        last.bytes = response;
        last.destination = request.remote();
        transmit(response, request.remote());
    }

    private static String requestKey(Received request) {
        return request.method() + " " + request.branch();
    }

    private InetSocketAddress nextHop(SipRequest request) {
        Optional<String> route = request.header("Route");
        if (route.isPresent()) {
            return addressOf(Received.routeUri(route.get()));
        }
        return outboundProxy.orElseGet(() -> addressOf(Received.routeUri("<" + request.requestUri() + ">")));
    }

    /** Where a URI leads: its host, which must be an IP address here, and its port (5060, 5061 for TLS, when absent). */
    private InetSocketAddress addressOf(SipUri uri) {
        String wanted = uri.getTransportParam();
        if (wanted != null && !wanted.equalsIgnoreCase(transport.uriParameter())) {
            throw new IllegalStateException(this + " cannot follow " + uri + ": it speaks " + transport + " only");
        }
        String host = uri.getHost().replace("[", "").replace("]", "");
        try {
            return new InetSocketAddress(InetAddress.getByName(host), uri.getPort() > 0 ? uri.getPort()
                    : transport == Transport.TLS ? 5061 : 5060);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("these tests route to IP addresses only, not " + host, e);
        }
    }

    private void transmit(byte[] bytes, InetSocketAddress destination) {
        try {
            channel.send(bytes, destination);
        } catch (IOException e) {
            throw new UncheckedIOException(this + " cannot send to " + destination, e);
        }
    }

    private String user() {
        return subscriber.map(Subscriber::user).orElse("agent");
    }

    private String hostPort() {
        return IpFamily.uriHost(address().getAddress()) + ":" + address().getPort();
    }

    /** A random token for tags, branches and Call-IDs. */
    static String token() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}

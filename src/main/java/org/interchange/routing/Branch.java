package org.interchange.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.interchange.core.sip.Endpoint;
import org.interchange.core.sip.Reply.SipHeader;
import org.interchange.core.sip.SipUri;

/**
 * One branch of a relayed request (OpenSIPS's {@code append_branch}): where it goes, with which preference, through
 * which next hop and listener, with its own flags and header changes. Branches of the highest q are tried in
 * parallel first, lower q-values serially when they fail (RFC 3261 16.6). Not thread-safe.
 */
public final class Branch {

    private SipUri uri;
    private double q;
    private Optional<SipUri> destination = Optional.empty();
    private List<String> path = List.of();
    private Optional<String> listener = Optional.empty();
    private Optional<Endpoint> registeredSocket = Optional.empty();
    private final Flags flags = new Flags();
    private final List<SipHeader> addedHeaders = new ArrayList<>();
    private final List<String> removedHeaders = new ArrayList<>();

    private Branch(SipUri uri, double q) {
        this.uri = uri;
        this.q = q;
    }

    /** A branch to {@code uri} with q 1. */
    public static Branch to(SipUri uri) {
        return new Branch(uri, 1.0);
    }

    /** A branch to {@code uri} with a q-value (0 to 1). */
    public static Branch to(SipUri uri, double q) {
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("q " + q + " is not between 0 and 1");
        }
        return new Branch(uri, q);
    }

    /** The branch's Request-URI. */
    public SipUri uri() {
        return uri;
    }

    public Branch uri(SipUri newUri) {
        this.uri = newUri;
        return this;
    }

    public double q() {
        return q;
    }

    /** The next hop when it is not the Request-URI ({@code $du}): sent as a loose route. */
    public Optional<SipUri> destination() {
        return destination;
    }

    public Branch destination(SipUri next) {
        this.destination = Optional.of(next);
        return this;
    }

    public Branch clearDestination() {
        this.destination = Optional.empty();
        return this;
    }

    /** Route header field values to put before the destination (a registration's Path, RFC 3327). */
    public List<String> path() {
        return path;
    }

    public Branch path(List<String> routes) {
        this.path = List.copyOf(routes);
        return this;
    }

    /** The listener to leave through ({@code $fs}); empty for the socket policy's choice. */
    public Optional<String> listener() {
        return listener;
    }

    public Branch listener(String name) {
        this.listener = Optional.of(name);
        return this;
    }

    /** The socket the binding registered through, which the socket policy prefers. */
    public Optional<Endpoint> registeredSocket() {
        return registeredSocket;
    }

    public Branch registeredSocket(Endpoint socket) {
        this.registeredSocket = Optional.of(socket);
        return this;
    }

    /** Branch flags ({@code setbflag}). */
    public Flags flags() {
        return flags;
    }

    /** Adds a header field to this branch's request. */
    public Branch addHeader(String name, String value) {
        addedHeaders.add(new SipHeader(name, value));
        return this;
    }

    /** Removes a header field from this branch's request. */
    public Branch removeHeader(String name) {
        removedHeaders.add(name);
        return this;
    }

    public List<SipHeader> addedHeaders() {
        return List.copyOf(addedHeaders);
    }

    public List<String> removedHeaders() {
        return List.copyOf(removedHeaders);
    }

    @Override
    public String toString() {
        return uri + ";q=" + q + destination.map(d -> " via " + d).orElse("")
                + listener.map(l -> " from " + l).orElse("");
    }
}

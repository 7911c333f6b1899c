package org.interchange.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.interchange.core.sip.Reply.SipHeader;
import org.interchange.core.sip.SipUri;

/**
 * What a step of the request route sees and may change, OpenSIPS's script environment for one request: the request
 * as it arrived ({@link #request()}), the Request-URI, destination ({@code $du}) and listener ({@code $fs}) it will
 * be relayed with, header changes, the branches, transaction attributes and message flags (which outlive the
 * route), variables and script flags (which do not). Not thread-safe: one request's steps run one after another.
 */
public final class RequestContext {

    private final Transaction transaction;
    private final Variables variables = new Variables();
    private final Flags scriptFlags = new Flags();
    private SipUri requestUri;
    private Optional<SipUri> destination = Optional.empty();
    private Optional<String> listener = Optional.empty();
    private final List<Branch> branches = new ArrayList<>();
    private final List<SipHeader> addedHeaders = new ArrayList<>();
    private final List<String> removedHeaders = new ArrayList<>();
    private final Map<String, String> recordRouteParams = new LinkedHashMap<>();
    private boolean recordRoute;

    /**
     * @param recordRoute whether the router stays in the dialog by default (dialog-creating methods)
     */
    public RequestContext(RequestView request, boolean recordRoute) {
        this.transaction = new Transaction(request);
        this.recordRoute = recordRoute;
    }

    /** The request as it arrived. */
    public RequestView request() {
        return transaction.request();
    }

    /** The transaction: attributes and message flags the hooks see later. */
    public Transaction transaction() {
        return transaction;
    }

    /** Transaction attributes (AVPs). */
    public Attributes attributes() {
        return transaction.attributes();
    }

    /** Message flags: seen by the branch, reply and failure hooks. */
    public Flags flags() {
        return transaction.flags();
    }

    /** Script flags: gone when the route ends. */
    public Flags scriptFlags() {
        return scriptFlags;
    }

    /** Request-scoped variables ({@code $var}). */
    public Variables variables() {
        return variables;
    }

    /** The Request-URI the request is relayed with ({@code $ru}): the received one until a step changes it. */
    public SipUri requestUri() {
        return requestUri != null ? requestUri : request().requestUri();
    }

    /** Whether a step changed the Request-URI. */
    public boolean requestUriChanged() {
        return requestUri != null;
    }

    public void requestUri(SipUri uri) {
        this.requestUri = uri;
    }

    /** The next hop when it is not the Request-URI ({@code $du}). */
    public Optional<SipUri> destination() {
        return destination;
    }

    public void destination(SipUri next) {
        this.destination = Optional.of(next);
    }

    /** The listener to leave through ({@code $fs}); empty for the socket policy's choice. */
    public Optional<String> listener() {
        return listener;
    }

    public void listener(String name) {
        this.listener = Optional.of(name);
    }

    /** Adds a header field to the relayed request (every branch). */
    public void addHeader(String name, String value) {
        addedHeaders.add(new SipHeader(name, value));
    }

    /** Removes a header field from the relayed request (every branch). */
    public void removeHeader(String name) {
        removedHeaders.add(name);
    }

    public List<SipHeader> addedHeaders() {
        return List.copyOf(addedHeaders);
    }

    public List<String> removedHeaders() {
        return List.copyOf(removedHeaders);
    }

    /** The branches so far ({@code append_branch}); relaying with none sends one to the Request-URI. */
    public List<Branch> branches() {
        return List.copyOf(branches);
    }

    /** Whether a step appended a branch. */
    public boolean hasBranches() {
        return !branches.isEmpty();
    }

    /** Adds a branch. */
    public void appendBranch(Branch branch) {
        branches.add(branch);
    }

    /** Removes every branch. */
    public void clearBranches() {
        branches.clear();
    }

    /**
     * The branches to relay to: those appended, or one to the Request-URI through the destination and listener
     * when none was.
     */
    public List<Branch> branchesToRelay() {
        if (!branches.isEmpty()) {
            return branches();
        }
        Branch only = Branch.to(requestUri());
        destination.ifPresent(only::destination);
        listener.ifPresent(only::listener);
        return List.of(only);
    }

    /** Whether the router stays in the dialog the request creates ({@code record_route}). */
    public boolean recordRoute() {
        return recordRoute;
    }

    public void recordRoute(boolean stay) {
        this.recordRoute = stay;
    }

    /** Adds a parameter to the router's Record-Route entry ({@code add_rr_param}). */
    public void recordRouteParam(String name, String value) {
        recordRouteParams.put(name, value);
    }

    public Map<String, String> recordRouteParams() {
        return Map.copyOf(recordRouteParams);
    }

    @Override
    public String toString() {
        return request() + " -> " + requestUri() + " " + branches;
    }
}

package org.interchange.container.bridge;

import java.net.InetAddress;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.header.CallIdHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;

import org.interchange.container.RecordRouteSignature;
import org.interchange.container.config.HostPort;
import org.interchange.container.config.IpAddresses;
import org.interchange.container.config.RouterConfiguration;
import org.interchange.container.config.SipListener;
import org.interchange.container.config.Transport;
import org.interchange.container.bridge.BridgeMarker.Bridge;
import org.mobicents.ext.javax.sip.dns.DNSAwareRouter;
import org.mobicents.servlet.sip.core.dispatchers.MessageDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.nist.javax.sip.address.AddressImpl;
import gov.nist.javax.sip.address.SipUri;
import gov.nist.javax.sip.header.RecordRoute;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.SIPTransaction;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * The SIP stack's router ({@code javax.sip.ROUTER_PATH}): MSS's DNS-aware next-hop choice, plus the bridge between
 * listeners that MSS 3.2.0-37 cannot build. For a request marked by {@link BridgeMarker} it
 * <ul>
 *   <li>writes the egress listener's shown address and transport into the top Via, so that responses come back to
 *       the listener the request left from;</li>
 *   <li>takes off the {@code transport=tls} MSS adds to a SIPS Request-URI ({@link #undoSipsTransport});</li>
 *   <li>replaces the Record-Route entries MSS added (those carrying its {@code app_id}) with one entry for the
 *       listener, or two (RFC 5658) when ingress and egress differ: the egress on top, the ingress below, each with
 *       its listener's shown address and transport and MSS's parameters, which make MSS pop both when in-dialog
 *       requests come back. MSS would add a second entry only for a change of transport, and from the first listener
 *       of that transport;</li>
 *   <li>answers an {@link EgressHop}, whose listener {@code org.interchange.javax.sip.SipStackImpl} sends from:
 *       MSS would send from the first listener of the transport, ACK for a 2xx included.</li>
 * </ul>
 * The router runs after MSS's own changes to the request, for every request the stack sends (statefully or not),
 * so its word is the last. Thread-safe.
 */
public class BridgeRouter extends DNSAwareRouter {

    /** The URI parameter of the Record-Route entries of this router (MSS's application session id). */
    public static final String ROUTER_ENTRY_PARAM = MessageDispatcher.APP_ID;

    private static final Logger log = LoggerFactory.getLogger(BridgeRouter.class);

    private final Function<String, Optional<SipListener>> listeners;
    private final SIPTransactionStack stack;
    private final RecordRouteSignature signature;

    /** As the stack creates it. */
    public BridgeRouter(SipStack stack, String outboundProxy) {
        super(stack, outboundProxy);
        this.listeners = byName(SipListener.allFrom(RouterConfiguration.load()));
        this.stack = (SIPTransactionStack) stack;
        this.signature = RecordRouteSignature.ofThisRouter();
    }

    @Override
    public Hop getNextHop(Request request) throws SipException {
        Optional<Bridge> bridge = BridgeMarker.take(request);
        try {
            if (bridge.isPresent()) {
                popOwnEntry(request, listener(bridge.get().egress()));
            }
            Hop hop = super.getNextHop(request);
            if (Request.CANCEL.equals(request.getMethod())) {
                viaOfItsInvite((SIPRequest) request);
            }
            if (bridge.isEmpty() || hop == null) {
                return hop;
            }
            Face egress = new Face(listener(bridge.get().egress()), bridge.get().egressOwnAddress());
            undoSipsTransport(request);
            rewriteVia(request, egress);
            rewriteRecordRoutes(request, egress,
                    new Face(listener(bridge.get().ingress()), bridge.get().ingressOwnAddress()), signature);
            return new EgressHop(hop, egress.listener());
        } catch (ParseException | InvalidArgumentException | IllegalArgumentException e) {
            throw new SipException("cannot bridge " + request.getMethod() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Takes off the top Route of an in-dialog request when it is this router's own entry for the listener the request
     * leaves through: the second of a double Record-Route (RFC 5658). MSS removes it itself while it knows the dialog;
     * a request of a dialog it no longer knows (set up before a restart) it relays as it is, which would send it to
     * the router again.
     */
    static void popOwnEntry(Request request, SipListener egress) {
        if (request.getHeader(RouteHeader.NAME) instanceof RouteHeader route
                && route.getAddress().getURI() instanceof SipUri uri && uri.getParameter(ROUTER_ENTRY_PARAM) != null
                && names(uri, egress)) {
            request.removeFirst(RouteHeader.NAME);
        }
    }

    /** Whether a URI names a listener: its transport, and its shown or bound address. */
    private static boolean names(SipUri uri, SipListener listener) {
        String transport = uri.getTransportParam() != null ? uri.getTransportParam() : uri.isSecure() ? "tls" : "udp";
        if (!transport.equalsIgnoreCase(listener.transport().token())) {
            return false;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : listener.transport() == Transport.TLS ? 5061 : 5060;
        String host = uri.getHost();
        Optional<InetAddress> numeric = IpAddresses.parseLiteral(host);
        return Stream.of(listener.shown(), listener.bound()).anyMatch(address -> address.port().getAsInt() == port
                && (numeric.isPresent() ? IpAddresses.parseLiteral(address.host()).equals(numeric)
                : address.host().equalsIgnoreCase(host)));
    }

    /**
     * Gives a CANCEL the top Via of the INVITE it cancels (RFC 3261 9.1). MSS builds the CANCEL of a proxy branch
     * with the Via it wrote before the bridge rewrote the INVITE's, and JAIN-SIP then finds no INVITE for it (it
     * compares branch and sent-by) and sends it as a request of its own, which the callee never gets; with the
     * INVITE's Via it leaves on the INVITE's channel, through the listener the INVITE took.
     */
    private void viaOfItsInvite(SIPRequest cancel) {
        Via via = cancel.getTopmostVia();
        if (via == null || via.getBranch() == null) {
            return;
        }
        SIPTransaction invite = stack.findTransaction(via.getBranch().toLowerCase(Locale.ROOT), false);
        if (invite != null && invite.getOriginalRequest() != null
                && Request.INVITE.equals(invite.getOriginalRequest().getMethod())) {
            cancel.setHeader((Via) invite.getOriginalRequest().getTopmostVia().clone());
        }
    }

    private SipListener listener(String name) {
        return listeners.apply(name).orElseThrow(() -> new IllegalArgumentException("no listener is named " + name));
    }

    /**
     * Takes {@code transport=tls} off the SIPS Request-URI of a request without Route. MSS writes the outbound
     * transport into such a Request-URI when it differs from the URI's, reading a SIPS URI without transport as UDP:
     * a {@code sips:} contact called over TLS would receive {@code sips:...;transport=tls}, which is not the URI it
     * registered, in a form RFC 3261 26.2.2 deprecates (TLS is what {@code sips} means).
     */
    static void undoSipsTransport(Request request) {
        if (request.getHeader(RouteHeader.NAME) == null && request.getRequestURI() instanceof SipUri uri
                && uri.isSecure() && "tls".equalsIgnoreCase(uri.getTransportParam())) {
            uri.removeParameter("transport");
        }
    }

    /**
     * A listener as the peer on one side sees it: at the address it advertises, or at its own towards a peer on a
     * private network ({@code socket.private-networks}), which reaches that one directly.
     */
    record Face(SipListener listener, boolean ownAddress) {

        /** Host and port, the port always present. */
        HostPort address() {
            return ownAddress ? listener.bound() : listener.shown();
        }
    }

    static void rewriteVia(Request request, Face egress) throws ParseException, InvalidArgumentException {
        Via via = (Via) request.getHeader(Via.NAME);
        HostPort shown = egress.address();
        via.setTransport(egress.listener().transport().name());
        via.setHost(shown.uriHost());
        via.setPort(shown.port().getAsInt());
    }

    /**
     * Replaces MSS's Record-Route entries, which it puts on top, with the bridge's, signed for the dialog
     * ({@link RecordRouteSignature}): only an entry the router wrote makes it relay an in-dialog request.
     */
    static void rewriteRecordRoutes(Request request, Face egress, Face ingress, RecordRouteSignature signature)
            throws ParseException, SipException {
        List<RecordRouteHeader> kept = new ArrayList<>();
        Map<String, String> parameters = null;
        for (Iterator<?> headers = request.getHeaders(RecordRouteHeader.NAME); headers.hasNext(); ) {
            RecordRouteHeader header = (RecordRouteHeader) headers.next();
            SipUri uri = (SipUri) header.getAddress().getURI();
            if (uri.getParameter(ROUTER_ENTRY_PARAM) != null) {
                if (parameters == null) {
                    parameters = parameters(uri);
                }
            } else {
                kept.add(header);
            }
        }
        if (parameters == null) {
            return; // not record-routed
        }
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        parameters.put(RecordRouteSignature.PARAM, signature.sign(callId, parameters.get(ROUTER_ENTRY_PARAM)));
        request.removeHeader(RecordRouteHeader.NAME);
        for (RecordRouteHeader header : kept) {
            request.addLast(header);
        }
        // two entries when the sides see different listeners, or one listener at two addresses
        boolean twice = !egress.equals(ingress);
        boolean sips = isSips(request);
        if (twice) {
            request.addFirst(recordRoute(ingress, parameters, sips));
        }
        request.addFirst(recordRoute(egress, parameters, sips));
        if (log.isDebugEnabled()) {
            log.debug("{} record-routed through {}{}", request.getMethod(), egress,
                    twice ? " and " + ingress : "");
        }
    }

    private static Map<String, String> parameters(SipUri uri) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        for (Iterator<?> names = uri.getParameterNames(); names.hasNext(); ) {
            String name = (String) names.next();
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("transport") && !lower.equals("lr")) {
                String value = uri.getParameter(name);
                parameters.put(name, value == null ? "" : value);
            }
        }
        return parameters;
    }

    /**
     * Whether a request is of a SIPS dialog: its Request-URI or its first Route is a SIPS URI (RFC 3261 16.6 step 4:
     * then the Record-Route entries are SIPS URIs too).
     */
    private static boolean isSips(Request request) {
        return request.getRequestURI() instanceof SipUri requestUri && requestUri.isSecure()
                || request.getHeader(RouteHeader.NAME) instanceof RouteHeader route
                && route.getAddress().getURI() instanceof SipUri routeUri && routeUri.isSecure();
    }

    /**
     * An entry naming a listener as one side sees it. A TLS listener of a SIPS dialog is named by a {@code sips:} URI
     * (TLS is what it means: no transport parameter, RFC 3261 26.2.2); other listeners cannot be reached by a SIPS
     * URI and keep {@code sip:} with their transport.
     */
    private static RecordRoute recordRoute(Face face, Map<String, String> parameters, boolean sips)
            throws ParseException {
        HostPort shown = face.address();
        SipUri uri = new SipUri();
        uri.setHost(shown.uriHost());
        uri.setPort(shown.port().getAsInt());
        if (sips && face.listener().transport() == Transport.TLS) {
            uri.setScheme("sips");
        } else {
            uri.setTransportParam(face.listener().transport().token());
        }
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            uri.setParameter(parameter.getKey(), parameter.getValue());
        }
        uri.setLrParam();
        AddressImpl address = new AddressImpl();
        address.setURI(uri);
        RecordRoute recordRoute = new RecordRoute();
        recordRoute.setAddress(address);
        return recordRoute;
    }

    private static Function<String, Optional<SipListener>> byName(List<SipListener> all) {
        Map<String, SipListener> named = all.stream().collect(Collectors.toMap(SipListener::name, l -> l));
        return name -> Optional.ofNullable(named.get(name));
    }
}

package org.interchange.container;

import java.io.IOException;
import java.net.InetAddress;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;

import javax.sip.ListeningPoint;
import javax.sip.SipStack;
import javax.sip.message.Response;

import gov.nist.javax.sip.address.SipUri;
import gov.nist.javax.sip.header.Accept;
import gov.nist.javax.sip.header.Allow;
import gov.nist.javax.sip.header.Server;
import gov.nist.javax.sip.header.Supported;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import org.interchange.container.config.IpAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the pings addressed to the router itself in the SIP stack, statelessly, as Kamailio's
 * {@code sl_send_reply} does: an OPTIONS outside a dialog, without Route or Require, whose Request-URI has no user
 * part and names the listener it arrived on ({@code OPTIONS sip:192.0.2.1:5060}, what load balancers and monitors
 * send). It gets the router's 200 without a transaction, a servlet session or the application: the ping costs what
 * parsing it costs. The 200 is the one the application gives (RFC 3261 11): {@link #ALLOW}, {@link #ACCEPT},
 * {@link #SUPPORTED}, a To tag derived from the request, so that a retransmission gets the same answer.
 *
 * <p>Every other request, including an OPTIONS to a user or to a served domain by name, goes on to the application
 * unchanged. Plugged in as JAIN-SIP's {@code gov.nist.javax.sip.SIP_MESSAGE_VALVE} (conf/mss-sip-stack.properties).
 */
public final class RouterPings implements SIPMessageValve {

    /** The methods the router answers itself, when a request is addressed to it. */
    private static final List<String> ALLOWED = List.of("OPTIONS", "REGISTER");
    /** {@link #ALLOWED} as the value of an Allow header field. */
    public static final String ALLOW = String.join(", ", ALLOWED);
    /** The bodies the router understands in requests it relays: their type and subtype. */
    private static final String ACCEPT_TYPE = "application";
    private static final String ACCEPT_SUBTYPE = "sdp";
    /** {@link #ACCEPT_TYPE}/{@link #ACCEPT_SUBTYPE} as the value of an Accept header field. */
    public static final String ACCEPT = ACCEPT_TYPE + "/" + ACCEPT_SUBTYPE;
    /** The extensions the router supports (RFC 3327 Path). */
    public static final String SUPPORTED = "path";
    /** The value of the Server header field MSS gives the application's answers (mss-sip-stack.properties). */
    private static final String SERVER_PROPERTY = "org.mobicents.servlet.sip.SERVER_HEADER";

    private static final Logger log = LoggerFactory.getLogger(RouterPings.class);

    private String server;

    @Override
    public void init(SipStack stack) {
        server = ((gov.nist.javax.sip.SipStackImpl) stack).getConfigurationProperties().getProperty(SERVER_PROPERTY);
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        if (!isPingToRouter(request, channel)) {
            return true;
        }
        StackState.pinged();
        try {
            SIPResponse ok = answer(request);
            if (channel.getTransport().equalsIgnoreCase(ListeningPoint.UDP)) {
                Via via = request.getTopmostVia();
                // RFC 3261 18.2.2 and RFC 3581: to the source address, the source port if rport asks for it
                int port = via.getRPort() > 0 ? via.getRPort() : via.getPort() > 0 ? via.getPort() : 5060;
                channel.sendMessage(ok, channel.getPeerPacketSourceAddress(), port);
            } else {
                channel.sendMessage(ok); // on the connection it came over
            }
            StackState.answeredStatelessly(Response.OK);
        } catch (IOException | ParseException | RuntimeException e) {
            log.debug("OPTIONS {} from {}: the 200 could not be sent: {}", request.getRequestURI(),
                    channel.getPeerPacketSourceAddress(), e.toString());
        }
        return false;
    }

    /**
     * Whether the stack can answer for the router: an out-of-dialog OPTIONS that is not to be routed further, over
     * the transport its Via names, well-formed, with a Request-URI naming the listener it arrived on.
     */
    private static boolean isPingToRouter(SIPRequest request, MessageChannel channel) {
        if (!"OPTIONS".equals(request.getMethod()) || request.getToTag() != null
                || request.getHeader("Route") != null || request.getHeader("Require") != null
                || ReceivedMessageParserFactory.isMalformed(request)
                || !(request.getRequestURI() instanceof SipUri uri) || uri.getUser() != null) {
            return false;
        }
        Via via = request.getTopmostVia();
        if (via == null || !channel.getTransport().equalsIgnoreCase(via.getTransport())) {
            return false;
        }
        int defaultPort = uri.isSecure() || channel.getTransport().equalsIgnoreCase(ListeningPoint.TLS) ? 5061 : 5060;
        int port = uri.getPort() > 0 ? uri.getPort() : defaultPort;
        InetAddress listener = channel.getMessageProcessor().getIpAddress();
        return port == channel.getMessageProcessor().getPort()
                && IpAddresses.parseLiteral(uri.getHost()).filter(listener::equals).isPresent();
    }

    private SIPResponse answer(SIPRequest request) throws ParseException {
        SIPResponse ok = request.createResponse(Response.OK);
        ok.getTo().setTag(toTag(request));
        for (String method : ALLOWED) {
            ok.addHeader(new Allow(method));
        }
        Accept accept = new Accept();
        accept.setContentType(ACCEPT_TYPE);
        accept.setContentSubType(ACCEPT_SUBTYPE);
        ok.addHeader(accept);
        ok.addHeader(new Supported(SUPPORTED));
        if (server != null) {
            Server product = new Server();
            product.addProductToken(server);
            ok.addHeader(product);
        }
        return ok;
    }

    /** The same for every retransmission of a request (RFC 3261 8.2.6.2 asks the tag of a 200 to stay). */
    private static String toTag(SIPRequest request) {
        int hash = (request.getCallId().getCallId() + request.getFromTag() + request.getCSeq().getSeqNumber())
                .hashCode();
        return "p" + Integer.toHexString(hash).toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        return true;
    }

    @Override
    public void destroy() {
        // nothing held
    }
}

package org.interchange.container;

import java.nio.file.Path;
import java.text.ParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.sip.RequestEvent;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.interchange.container.config.GeneratedFiles;
import org.interchange.container.config.RouterConfiguration;
import org.interchange.container.dns.FailoverOn503Dispatcher;
import org.mobicents.servlet.sip.GenericUtils;
import org.mobicents.servlet.sip.core.dispatchers.MessageDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.nist.javax.sip.message.MessageFactoryImpl;
import gov.nist.javax.sip.message.SIPRequest;

/**
 * MSS's dispatcher, for dialogs that outlive a restart of the router (and, from {@link FailoverOn503Dispatcher}, RFC
 * 3263 failover after a 503).
 * <ul>
 *   <li>A server id that outlives a restart. MSS names itself in every Record-Route it writes (the {@code as}
 *       parameter) with an id drawn at random at each start, and recognises the second of its own Route entries on an
 *       in-dialog request (RFC 5658's double Record-Route) only when that id is its current one: after a restart, the
 *       BYE of a call set up before went back to the router itself instead of on to the other side. The id is
 *       generated once into {@value #FILE} of the data directory and read at every start, so the Record-Route the
 *       router writes for a dialog does not change from one start to the next.</li>
 *   <li>Only the router's own Route entries are followed. The router relays in-dialog requests of dialogs it no
 *       longer holds without state (MSS's orphan routing), so a request whose Route names the router with an entry
 *       it did not write for that dialog ({@link RecordRouteSignature}) is refused with 403, before MSS sees it.</li>
 * </ul>
 *
 * <p>Configured as the SIP service's {@code sipApplicationDispatcherClassName} (in {@code server.xml}, and by the
 * embedded launcher).
 */
public class RestartProofDispatcher extends FailoverOn503Dispatcher {

    /** The file of the data directory that keeps the id. */
    static final String FILE = "server-id";

    private static final Logger log = LoggerFactory.getLogger(RestartProofDispatcher.class);

    private static final long REPORT_INTERVAL_MS = 10_000;

    private final String serverId;
    private final RecordRouteSignature signature;
    private final AtomicLong refused = new AtomicLong();
    private volatile long reportDue;
    /** The id's hash for MSS's tags, computed once the hash length is known (MSS reads it when it starts). */
    private volatile IdHash idHash;

    private record IdHash(int length, String value) {
    }

    public RestartProofDispatcher() {
        serverId = serverId(RouterConfiguration.load().dataDirectory().orElseThrow(() -> new IllegalStateException(
                "no data directory to keep the SIP server id in: set data.dir or -Dinterchange.data")).resolve(FILE));
        signature = RecordRouteSignature.ofThisRouter();
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        if (followsForeignEntry(request)) {
            refuse(event);
            return;
        }
        super.processRequest(event);
    }

    /** Whether the request's first Route names this router with an entry it did not write for this dialog. */
    private boolean followsForeignEntry(Request request) {
        if (!(request.getHeader(RouteHeader.NAME) instanceof RouteHeader route)
                || !(route.getAddress().getURI() instanceof SipURI uri)
                || uri.getParameter(MessageDispatcher.APP_ID) == null || isRouteExternal(route)) {
            return false;
        }
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        return !signature.verifies(callId, Optional.ofNullable(uri.getParameter(MessageDispatcher.APP_ID)),
                Optional.ofNullable(uri.getParameter(RecordRouteSignature.PARAM)));
    }

    private void refuse(RequestEvent event) {
        Request request = event.getRequest();
        long count = refused.incrementAndGet();
        long now = System.currentTimeMillis();
        if (now >= reportDue) {
            reportDue = now + REPORT_INTERVAL_MS;
            log.warn("Refused {} {} from {}: its Route names this router with an entry it did not write for the "
                    + "dialog ({} refused so far)", request.getMethod(), request.getRequestURI(),
                    ((SIPRequest) request).getRemoteAddress(), count);
        }
        if (Request.ACK.equals(request.getMethod())) {
            return;
        }
        try {
            Response forbidden = new MessageFactoryImpl().createResponse(Response.FORBIDDEN, request);
            forbidden.setReasonPhrase("Forbidden (Route not issued by this router)");
            ((SipProvider) event.getSource()).sendResponse(forbidden);
        } catch (ParseException | SipException e) {
            log.debug("Could not refuse {}: {}", request.getMethod(), e.toString());
        }
    }

    @Override
    public String getApplicationServerId() {
        return serverId;
    }

    @Override
    public String getApplicationServerIdHash() {
        int length = getTagHashMaxLength();
        IdHash hash = idHash;
        if (hash == null || hash.length() != length) {
            hash = new IdHash(length, GenericUtils.hashString(serverId, length));
            idHash = hash;
        }
        return hash.value();
    }

    /** The id kept in the file, written there first when the file does not exist. */
    static String serverId(Path file) {
        return GeneratedFiles.value(file, () -> UUID.randomUUID().toString(), "SIP server id");
    }
}

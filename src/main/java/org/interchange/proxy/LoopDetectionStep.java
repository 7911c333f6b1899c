package org.interchange.proxy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.annotation.Priority;
import javax.enterprise.context.ApplicationScoped;
import javax.inject.Inject;

import org.interchange.core.sip.InboundRequest;
import org.interchange.core.sip.NameAddress;
import org.interchange.core.sip.SipSyntaxException;
import org.interchange.core.sip.SipUri;
import org.interchange.domain.Domains;
import org.interchange.routing.Decision;
import org.interchange.routing.RequestContext;
import org.interchange.routing.Steps;
import org.interchange.routing.spi.RequestStep;

/**
 * {@code loop-detection}: RFC 3261 16.3 item 4 with a hash of the request carried in our Record-Route (the
 * container writes the Via): a request that comes back with our entry and the same hash is a loop and gets 482;
 * one with a new Request-URI is a spiral. The hash goes into the Record-Route parameter {@value #LOOP_PARAM}.
 */
@ApplicationScoped
@Priority(Steps.LOOP_DETECTION)
public class LoopDetectionStep implements RequestStep {

    /** The Record-Route URI parameter carrying the loop-detection hash. */
    public static final String LOOP_PARAM = "lh";

    private Domains domains;

    protected LoopDetectionStep() {
        // for CDI's proxy
    }

    @Inject
    public LoopDetectionStep(Domains domains) {
        this.domains = domains;
    }

    @Override
    public Decision apply(RequestContext context) {
        String hash = loopHash(context.request().inbound());
        for (String recordRoute : context.request().headers("Record-Route")) {
            try {
                SipUri uri = NameAddress.parse(recordRoute).sipUri();
                if (domains.isAlias(uri.host()) && uri.param(LOOP_PARAM).filter(hash::equals).isPresent()) {
                    return Decision.reply(482, "Loop Detected");
                }
            } catch (SipSyntaxException e) {
                // someone else's malformed Record-Route: not ours
            }
        }
        context.recordRouteParam(LOOP_PARAM, hash);
        return Decision.next();
    }

    @Override
    public String name() {
        return "loop-detection";
    }

    /**
     * RFC 3261 16.6 step 8, without the Via: what identifies the request (Request-URI, tags, Call-ID, CSeq number,
     * Proxy-Require, Proxy-Authorization). The same request coming back is a loop; one with a new Request-URI is a
     * spiral.
     */
    static String loopHash(InboundRequest request) {
        StringBuilder identity = new StringBuilder(request.requestUri()).append('\n')
                .append(request.from().tag().orElse("")).append('\n')
                .append(request.to().tag().orElse("")).append('\n')
                .append(request.callId()).append('\n')
                .append(request.cseq()).append('\n');
        request.headers().all("Proxy-Require").forEach(v -> identity.append(v).append('\n'));
        request.headers().all("Proxy-Authorization").forEach(v -> identity.append(v).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

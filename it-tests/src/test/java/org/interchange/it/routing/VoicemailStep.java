package org.interchange.it.routing;

import javax.annotation.Priority;
import javax.enterprise.context.ApplicationScoped;

import org.interchange.routing.Attribute;
import org.interchange.routing.Decision;
import org.interchange.routing.RequestContext;
import org.interchange.routing.Steps;
import org.interchange.routing.spi.RequestStep;

/**
 * The request side of a voicemail rule, for users named {@value #PREFIX}...: it keeps the voicemail URI the caller
 * names in {@code X-Routing-It-Voicemail} in the transaction attribute {@link #VOICEMAIL} and two values in the
 * multi-valued attribute {@link #NOTES}, sets the message flag {@value #FLAG}, and lets the route go on to the
 * router's {@code location-lookup}. {@link VoicemailFailureHook} acts on them when the callee does not answer.
 */
@ApplicationScoped
@Priority(Steps.LOCATION_LOOKUP - 4)
public class VoicemailStep implements RequestStep {

    static final String PREFIX = "rt-vm-";
    static final String FLAG = "RT_VOICEMAIL";
    static final Attribute<String> VOICEMAIL = Attribute.of("routing-it-voicemail", String.class);
    static final Attribute<String> NOTES = Attribute.of("routing-it-notes", String.class);

    @Override
    public Decision apply(RequestContext context) {
        if (!Marked.user(context.request(), PREFIX)) {
            return Decision.next();
        }
        context.request().header("X-Routing-It-Voicemail")
                .ifPresent(uri -> context.attributes().set(VOICEMAIL, uri.trim()));
        context.attributes().add(NOTES, "called " + context.request().requestUri().user().orElseThrow());
        context.attributes().add(NOTES, "set by " + name());
        context.flags().set(FLAG);
        return Decision.next();
    }

    @Override
    public String name() {
        return "routing-it-voicemail";
    }
}

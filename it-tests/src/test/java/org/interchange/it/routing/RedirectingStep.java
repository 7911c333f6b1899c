package org.interchange.it.routing;

import java.util.List;
import java.util.OptionalLong;

import javax.annotation.Priority;
import javax.enterprise.context.ApplicationScoped;

import org.interchange.core.sip.SipUri;
import org.interchange.routing.Decision;
import org.interchange.routing.Decision.Contact;
import org.interchange.routing.RequestContext;
import org.interchange.routing.Steps;
import org.interchange.routing.spi.RequestStep;

/**
 * A step acting as a redirect server for {@value #USER}: 302 with {@link #CONTACTS}, the first with q 1 and
 * 120 seconds, the second with q 0.5 and no expiry.
 */
@ApplicationScoped
@Priority(Steps.LOCATION_LOOKUP - 2)
public class RedirectingStep implements RequestStep {

    static final String USER = "rt-redirect";
    static final List<Contact> CONTACTS = List.of(
            new Contact(SipUri.parse("sip:rt-moved@192.0.2.10:5070"), 1.0, OptionalLong.of(120)),
            new Contact(SipUri.parse("sip:rt-moved@192.0.2.11;transport=tcp"), 0.5, OptionalLong.empty()));

    @Override
    public Decision apply(RequestContext context) {
        return Marked.user(context.request(), USER) ? Decision.redirect(CONTACTS) : Decision.next();
    }

    @Override
    public String name() {
        return "routing-it-redirect";
    }
}

package org.interchange.proxy;

import javax.annotation.Priority;
import javax.enterprise.context.ApplicationScoped;

import org.interchange.routing.Decision;
import org.interchange.routing.RequestContext;
import org.interchange.routing.Steps;
import org.interchange.routing.spi.RequestStep;

/** {@code uri-scheme}: a Request-URI that is not sip or sips gets 416 (RFC 3261 16.3 item 2). */
@ApplicationScoped
@Priority(Steps.URI_SCHEME)
public class UriSchemeStep implements RequestStep {

    @Override
    public Decision apply(RequestContext context) {
        return context.request().hasSipRequestUri() ? Decision.next()
                : Decision.reply(416, "Unsupported URI Scheme");
    }

    @Override
    public String name() {
        return "uri-scheme";
    }
}

package org.interchange.proxy;

import java.util.List;

import javax.annotation.Priority;
import javax.enterprise.context.ApplicationScoped;

import org.interchange.core.sip.Reply;
import org.interchange.routing.Decision;
import org.interchange.routing.RequestContext;
import org.interchange.routing.Steps;
import org.interchange.routing.spi.RequestStep;

/** {@code proxy-require}: the router supports no extension a proxy must: Proxy-Require gets 420 (RFC 3261 16.3 item 5). */
@ApplicationScoped
@Priority(Steps.PROXY_REQUIRE)
public class ProxyRequireStep implements RequestStep {

    @Override
    public Decision apply(RequestContext context) {
        List<String> unsupported = context.request().headers("Proxy-Require").stream().map(String::trim)
                .filter(tag -> !tag.isEmpty()).toList();
        return unsupported.isEmpty() ? Decision.next()
                : Decision.reply(Reply.of(420, "Bad Extension").with("Unsupported", String.join(", ", unsupported)));
    }

    @Override
    public String name() {
        return "proxy-require";
    }
}

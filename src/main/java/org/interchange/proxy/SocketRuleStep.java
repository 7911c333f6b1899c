package org.interchange.proxy;

import java.util.Optional;

import javax.annotation.Priority;
import javax.enterprise.context.ApplicationScoped;
import javax.inject.Inject;

import org.interchange.listener.SocketRule;
import org.interchange.listener.SocketRules;
import org.interchange.routing.Attribute;
import org.interchange.routing.Decision;
import org.interchange.routing.RequestContext;
import org.interchange.routing.Steps;
import org.interchange.routing.spi.RequestStep;

/**
 * {@code socket-rule}: the first socket rule ({@code socket.rule.*}) the request matches is kept in the attribute
 * {@link #RULE}, whose socket the socket policy honours for every branch; a rule with a destination sends the
 * request there at once, its Request-URI unchanged.
 */
@ApplicationScoped
@Priority(Steps.SOCKET_RULE)
public class SocketRuleStep implements RequestStep {

    /** The socket rule the request matched. */
    public static final Attribute<SocketRule> RULE = Attribute.of("socket-rule", SocketRule.class);

    private SocketRules rules;

    protected SocketRuleStep() {
        // for CDI's proxy
    }

    @Inject
    public SocketRuleStep(SocketRules rules) {
        this.rules = rules;
    }

    @Override
    public Decision apply(RequestContext context) {
        Optional<SocketRule> rule = rules.match(context.request().inbound());
        if (rule.isEmpty()) {
            return Decision.next();
        }
        context.attributes().set(RULE, rule.get());
        if (rule.get().destination().isEmpty()) {
            return Decision.next();
        }
        context.destination(rule.get().destination().get());
        return Decision.relay();
    }

    @Override
    public String name() {
        return "socket-rule";
    }
}

package org.interchange.it.integrator;

import javax.annotation.Priority;
import javax.decorator.Decorator;
import javax.decorator.Delegate;
import javax.inject.Inject;

import org.interchange.listener.Listeners;
import org.interchange.listener.OutboundBranch;
import org.interchange.listener.SocketChoice;
import org.interchange.listener.SocketPolicy;

/**
 * An integrator's refinement of the router's socket policy, as the README shows it: a CDI decorator, enabled for
 * the whole application by its {@code @Priority} (no beans.xml needed), compiled against the router's
 * {@code interchange-<version>-classes.jar} and added to the WAR's {@code WEB-INF/classes}. Calls to users whose name
 * starts with {@code b-side} leave through listener {@code udp-b}; every other decision is the router's.
 */
@Decorator
@Priority(2000) // javax.interceptor.Interceptor.Priority.APPLICATION
public abstract class ThroughListenerB implements SocketPolicy {

    @Inject
    @Delegate
    SocketPolicy policy;

    @Inject
    Listeners listeners;

    @Override
    public SocketChoice choose(OutboundBranch branch) {
        SocketChoice choice = policy.choose(branch);
        if (!branch.request().requestUri().startsWith("sip:b-side")) {
            return choice;
        }
        return new SocketChoice(listeners.named("udp-b").orElseThrow(), SocketChoice.Reason.RULE);
    }
}

package org.interchange.listener;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import javax.enterprise.context.Dependent;
import javax.enterprise.event.Event;
import javax.enterprise.event.Observes;
import javax.enterprise.inject.Produces;
import javax.inject.Singleton;

import org.interchange.container.config.RouterConfiguration;
import org.interchange.container.dns.SipDns;
import org.interchange.container.dns.SipServerLocator;
import org.interchange.core.Reloading;
import org.interchange.core.RouterStarting;
import org.interchange.core.Scheduler;
import org.interchange.listener.internal.KernelRouteSelector;
import org.interchange.listener.internal.RouteTableWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the listener capability from the configuration: the listeners, the socket rules and the automatic step's
 * cache, whose named timer {@code socket-routes} empties it when the kernel's routes or addresses change.
 * Keys: {@code socket.default}, {@code socket.rule.*} (see {@link SocketRules}), {@code socket.route-cache-ttl}
 * (seconds a kernel answer is kept, default 60), {@code socket.route-check-interval} (seconds between checks for
 * changed routes, default 5).
 */
@Dependent
public class SocketConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SocketConfiguration.class);

    @Produces
    @Singleton
    Listeners listeners(RouterConfiguration config) {
        return Listeners.from(config);
    }

    /** RFC 3263 for next hops that are names: the container's resolver and cache, shared with MSS. */
    @Produces
    @Singleton
    SipServerLocator servers() {
        return SipDns.shared();
    }

    @Produces
    @Singleton
    SocketRules rules(RouterConfiguration config, Listeners listeners) {
        return SocketRules.from(config, listeners);
    }

    /** Where the policy reports its fallbacks: a CDI event ({@code org.interchange.events} delivers it outside). */
    @Produces
    Consumer<SocketFallback> fallbacks(Event<SocketFallback> events) {
        return events::fire;
    }

    @Produces
    @Singleton
    KernelRouteSelector kernelRoutes(RouterConfiguration config, Listeners listeners, Scheduler scheduler,
                                     Consumer<SocketFallback> fallbacks) {
        KernelRouteSelector selector = KernelRouteSelector.system(listeners, routeCacheTtl(config), fallbacks);
        RouteTableWatch watch = RouteTableWatch.system();
        scheduler.every("socket-routes", routeCheckInterval(config), () -> {
            if (watch.changed()) {
                log.info("Routes or addresses changed: {} cached kernel routes forgotten", selector.cached());
                selector.flush();
            }
        });
        return selector;
    }

    /**
     * {@code reload}: the socket rules change for the next request, checked against the running listeners; the
     * listeners and the route cache's timings need a restart, but a bad value refuses the reload.
     */
    void reload(@Observes Reloading reloading, SocketRules rules, Listeners listeners) {
        RouterConfiguration config = reloading.configuration();
        Listeners.from(config);
        routeCacheTtl(config);
        routeCheckInterval(config);
        SocketRules next = SocketRules.from(config, listeners);
        reloading.stage(List.of(SocketRules.PREFIX + "."), () -> rules.replaceWith(next));
    }

    private static Duration routeCacheTtl(RouterConfiguration config) {
        return Duration.ofSeconds(config.integer("socket.route-cache-ttl", 60, 1, 86_400));
    }

    private static Duration routeCheckInterval(RouterConfiguration config) {
        return Duration.ofSeconds(config.integer("socket.route-check-interval", 5, 1, 3600));
    }

    /** Reads the configuration before the router takes traffic, so that a bad rule stops the start. */
    void start(@Observes RouterStarting starting, SocketRules rules, KernelRouteSelector kernelRoutes) {
        log.info("Socket policy: {} rules", rules.rules().size());
    }
}

package org.interchange.listener.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import javax.enterprise.context.ApplicationScoped;
import javax.inject.Inject;

import org.interchange.container.config.SipListener;
import org.interchange.core.sip.Endpoint;
import org.interchange.listener.ForcedSocket;
import org.interchange.listener.Listeners;
import org.interchange.listener.OutboundBranch;
import org.interchange.listener.SocketChoice;
import org.interchange.listener.SocketChoice.Reason;
import org.interchange.listener.SocketFallback;
import org.interchange.listener.SocketPolicy;
import org.interchange.listener.SocketStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's socket policy: a rule's listener, the registration's listener, the kernel's route, the default, first
 * match wins. A listener that cannot reach the destination's address family is passed over, with a warning, a
 * count and a {@link SocketFallback}, never used. Every decision is logged at debug level with its reason and
 * counted. Thread-safe.
 */
@ApplicationScoped
public class DefaultSocketPolicy implements SocketPolicy {

    private static final Logger log = LoggerFactory.getLogger(DefaultSocketPolicy.class);

    private Listeners listeners;
    private KernelRouteSelector kernelRoutes;
    private SocketStats stats;
    private Consumer<SocketFallback> fallbacks;

    protected DefaultSocketPolicy() {
        // for CDI's proxy
    }

    @Inject
    public DefaultSocketPolicy(Listeners listeners, KernelRouteSelector kernelRoutes, SocketStats stats,
                               Consumer<SocketFallback> fallbacks) {
        this.listeners = listeners;
        this.kernelRoutes = kernelRoutes;
        this.stats = stats;
        this.fallbacks = fallbacks;
    }

    @Override
    public SocketChoice choose(OutboundBranch branch) {
        Optional<InetAddress> destination = branch.nextHop().address();
        Optional<SocketChoice> forced = forced(branch, destination);
        SocketChoice choice = forced
                .or(() -> registered(branch, destination))
                .or(() -> destination.flatMap(address -> kernelRoutes.choose(address, branch.nextHop().transport())))
                .orElseGet(() -> fallback(branch, destination));
        if (forced.isEmpty() && branch.forced().isPresent()) {
            fallbacks.accept(new SocketFallback(SocketFallback.Kind.FORCED_UNUSABLE, branch.nextHop().toString(),
                    branch.forced().get().toString(), choice.listener(), "the rule's socket cannot be used; chosen by "
                    + choice.reason().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        }
        stats.decided(choice.reason());
        if (log.isDebugEnabled()) {
            log.debug("{} {} to {} leaves through {} ({})", branch.request().method(), branch.request().requestUri(),
                    branch.nextHop(), choice.listener(), choice.reason());
        }
        return choice;
    }

    private Optional<SocketChoice> forced(OutboundBranch branch, Optional<InetAddress> destination) {
        if (branch.forced().isEmpty()) {
            return Optional.empty();
        }
        ForcedSocket forced = branch.forced().get();
        Optional<SipListener> listener = forced.resolve(branch.request().arrival(), listeners);
        if (listener.isEmpty() || !sameFamily(listener.get(), destination)) {
            stats.forcedUnusable();
            log.warn("{} {}: the rule's socket {} {}; choosing another", branch.request().method(),
                    branch.request().requestUri(), forced, listener.isEmpty()
                            ? "names no listener for arrival address " + branch.request().arrival().uriHost()
                            : "(" + listener.get() + ") cannot reach " + branch.nextHop());
            return Optional.empty();
        }
        return Optional.of(new SocketChoice(listener.get(), Reason.RULE));
    }

    private Optional<SocketChoice> registered(OutboundBranch branch, Optional<InetAddress> destination) {
        Optional<Endpoint> socket = branch.registeredSocket();
        return socket.flatMap(listeners::at)
                .filter(listener -> listener.transport() == branch.nextHop().transport())
                .filter(listener -> sameFamily(listener, destination))
                .map(listener -> new SocketChoice(listener, Reason.REGISTRATION));
    }

    private SocketChoice fallback(OutboundBranch branch, Optional<InetAddress> destination) {
        boolean ipv6 = destination.map(address -> address instanceof Inet6Address).orElse(false);
        return new SocketChoice(listeners.defaultFor(branch.nextHop().transport(), ipv6).orElse(listeners.fallback()),
                Reason.DEFAULT);
    }

    private static boolean sameFamily(SipListener listener, Optional<InetAddress> destination) {
        return destination.map(address -> (address instanceof Inet6Address) == listener.isIpv6()).orElse(true);
    }
}

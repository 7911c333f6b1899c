package org.interchange.examples;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import javax.annotation.Priority;
import javax.enterprise.context.ApplicationScoped;
import javax.inject.Inject;

import org.interchange.container.config.IpAddresses;
import org.interchange.container.config.RouterConfiguration;
import org.interchange.core.IpNetwork;
import org.interchange.routing.Attribute;
import org.interchange.routing.Decision;
import org.interchange.routing.Flags;
import org.interchange.routing.RequestContext;
import org.interchange.routing.Steps;
import org.interchange.routing.spi.RequestStep;

/**
 * Direction by source, the first step of the classic OpenSIPS script:
 *
 * <pre>
 * if (src_ip == 10.10.11.11) { route(10); }                                   # from the router itself
 * else if (src_ip == 10.10.11.12 || src_ip == 10.10.11.13) {                  # from the media servers
 *     $var(direction) = "from_mg"; setsflag(1); }
 * else if (src_ip == 10.10.11.100) { $var(direction) = "from_ivr_voiceserver"; setsflag(1); }   # from the IVR
 * </pre>
 *
 * In Java: the networks come from the router's configuration ({@code examples.router-addresses},
 * {@code examples.media-servers}, {@code examples.ivr-servers}); the direction is a transaction attribute (it
 * outlives the route, for the failure hook) and a named message flag instead of flag 1. Requests from the media
 * servers and the IVR are {@link Flags#TRUSTED}: the router's authentication step does not challenge them. It runs
 * right after the router's own {@code source-group} step, which does the same from the {@code address} table
 * without code.
 */
@ApplicationScoped
@Priority(Steps.SOURCE_GROUP + 10)
public class DirectionStep implements RequestStep {

    public static final String FROM_ROUTER = "FROM_ROUTER";
    public static final String FROM_MEDIA = "FROM_MEDIA";
    public static final String FROM_IVR = "FROM_IVR";
    /** {@code $var(direction)}: from_router, from_mg, from_ivr_voiceserver or from_endpoint. */
    public static final Attribute<String> DIRECTION = Attribute.of("direction", String.class);

    private List<IpNetwork> router;
    private List<IpNetwork> mediaServers;
    private List<IpNetwork> ivrServers;

    protected DirectionStep() {
        // for CDI's proxy
    }

    @Inject
    public DirectionStep(RouterConfiguration config) {
        router = config.list("examples.router-addresses", List.of(), IpNetwork::parse);
        mediaServers = config.list("examples.media-servers", List.of(), IpNetwork::parse);
        ivrServers = config.list("examples.ivr-servers", List.of(), IpNetwork::parse);
    }

    @Override
    public Decision apply(RequestContext context) {
        Optional<InetAddress> source = IpAddresses.parseLiteral(context.request().source().address());
        if (source.isEmpty()) {
            return Decision.next();
        }
        if (within(router, source.get())) {
            direction(context, FROM_ROUTER, "from_router");
        } else if (within(mediaServers, source.get())) {
            direction(context, FROM_MEDIA, "from_mg");
            context.flags().set(Flags.TRUSTED);
        } else if (within(ivrServers, source.get())) {
            direction(context, FROM_IVR, "from_ivr_voiceserver");
            context.flags().set(Flags.TRUSTED);
        } else {
            context.attributes().set(DIRECTION, "from_endpoint");
        }
        return Decision.next();
    }

    @Override
    public String name() {
        return "example-direction";
    }

    private static void direction(RequestContext context, String flag, String direction) {
        context.flags().set(flag);
        context.attributes().set(DIRECTION, direction);
    }

    private static boolean within(List<IpNetwork> networks, InetAddress address) {
        for (IpNetwork network : networks) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }
}

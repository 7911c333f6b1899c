package org.interchange.mgmt;

import javax.enterprise.inject.spi.CDI;

import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.interchange.auth.Subscribers;
import org.interchange.core.RouterInfo;
import org.interchange.core.Scheduler;
import org.interchange.core.SettingsReload;
import org.interchange.dialplan.Dialplan;
import org.interchange.domain.Domains;
import org.interchange.events.Events;
import org.interchange.listener.Listeners;
import org.interchange.listener.SocketRules;
import org.interchange.listener.SocketStats;
import org.interchange.location.Location;
import org.interchange.logging.LogLevels;
import org.interchange.routing.RouteChain;
import org.interchange.permissions.AddressGroups;
import org.interchange.stats.Statistics;
import org.interchange.tracing.Tracing;

/**
 * The admin API's JAX-RS application ({@code web.xml} maps it onto {@code /api/*}): one resource per capability, built over that capability's beans (Jersey
 * creates this class; CDI provides the beans).
 */
public class AdminApi extends ResourceConfig {

    public AdminApi() {
        CDI<Object> beans = CDI.current();
        register(new SubscribersResource(beans.select(Subscribers.class).get(), beans.select(Domains.class).get()));
        register(new DomainsResource(beans.select(Domains.class).get()));
        register(new LocationResource(beans.select(Location.class).get()));
        register(new TimersResource(beans.select(Scheduler.class).get()));
        register(new SocketsResource(beans.select(Listeners.class).get(), beans.select(SocketRules.class).get(),
                beans.select(SocketStats.class).get()));
        register(new AddressResource(beans.select(AddressGroups.class).get()));
        register(new RouteResource(beans.select(RouteChain.class).get()));
        register(new DialplanResource(beans.select(Dialplan.class).get()));
        register(new StatisticsResource(beans.select(Statistics.class).get()));
        register(new TracesResource(beans.select(Tracing.class).get()));
        register(new ErrorsResource());
        register(new EventsResource(beans.select(Events.class).get()));
        register(new StatusResource(beans.select(RouterInfo.class).get(), beans.select(Listeners.class).get()));
        register(new LogLevelsResource(beans.select(LogLevels.class).get()));
        register(new ReloadResource(beans.select(SettingsReload.class).get()));
        // describes every resource registered here, read from their annotations at its first request
        register(new OpenApiResource());
        // Jackson's own mappers would answer a bad body with the parser's text: ProblemMapper answers it instead
        register(JacksonFeature.withoutExceptionMappers());
        register(ProblemMapper.class);
        register(ProblemResponses.class);
    }
}

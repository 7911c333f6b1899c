package org.interchange.container.dns;

import java.util.List;

import org.interchange.container.config.RouterConfiguration;
import org.interchange.container.config.SipListener;
import org.interchange.container.config.Transport;

/**
 * The router's one RFC 3263 resolver and its cache, shared by the container (MSS asks it through
 * {@link BoundedDnsServerLocator}) and the router (the proxy resolves targets with it before relaying): the container
 * layer is on Tomcat's class path, so both see this class and this instance.
 */
public final class SipDns {

    private static Rfc3263Resolver shared;

    private SipDns() {
    }

    /**
     * The shared resolver, made at the first call from {@code interchange.properties} (a bad {@code dns.*} value
     * throws, naming file, line and key). Where no configuration file is named at all (unit tests of the router, tools)
     * it asks the system's resolvers with the default settings.
     */
    public static synchronized Rfc3263Resolver shared() {
        if (shared == null) {
            shared = configurationNamed() ? fromConfiguration(RouterConfiguration.load())
                    : Rfc3263Resolver.create(DnsSettings.defaults(), List.of(Transport.values()));
        }
        return shared;
    }

    private static Rfc3263Resolver fromConfiguration(RouterConfiguration config) {
        return Rfc3263Resolver.create(DnsSettings.from(config),
                SipListener.allFrom(config).stream().map(SipListener::transport).distinct().toList());
    }

    private static boolean configurationNamed() {
        return System.getProperty(RouterConfiguration.FILE_PROPERTY) != null
                || System.getProperty("catalina.base") != null;
    }
}

package org.interchange.core;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.context.Initialized;
import javax.enterprise.event.Event;
import javax.enterprise.event.Observes;
import javax.inject.Inject;

import org.interchange.container.AdminListeners;
import org.interchange.container.ConnectionLimits;
import org.interchange.container.config.RouterConfiguration;
import org.interchange.container.dns.DnsSettings;
import org.interchange.container.tls.TlsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the router when the web application starts: fires {@link RouterStarting}, then refuses configuration keys
 * that nothing read (misspelt keys). A failure is logged as one line an operator can act on, and stops the
 * deployment.
 */
@ApplicationScoped
public class Startup {

    private static final Logger log = LoggerFactory.getLogger(Startup.class);

    @Inject
    Event<RouterStarting> starting;

    void start(@Observes @Initialized(ApplicationScoped.class) Object context, RouterConfiguration config) {
        try {
            starting.fire(new RouterStarting());
            // read by the embedded launcher, or by StandaloneChecks, for the admin API's connectors
            config.acknowledge(AdminListeners.KEYS.toArray(String[]::new));
            // read by the embedded launcher, or by StandaloneChecks, for the SIP stack
            config.acknowledge(TlsSettings.KEYS.toArray(String[]::new));
            config.acknowledge(ConnectionLimits.KEYS.toArray(String[]::new));
            // read by the container's resolver, which MSS creates before the router starts (SipDns)
            config.acknowledge(DnsSettings.KEYS.toArray(String[]::new));
            config.rejectUnreadKeys();
            log.info("Interchange router started with {}", config.file());
        } catch (RuntimeException e) {
            log.error("Interchange cannot start: {}", rootMessage(e));
            throw e;
        }
    }

    /** The message of the deepest cause that has one: CDI wraps what went wrong in layers of its own. */
    private static String rootMessage(Throwable error) {
        String message = error.toString();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message;
    }
}

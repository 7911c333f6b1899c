package org.interchange.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.event.Observes;
import javax.inject.Inject;

/**
 * What the router is and since when: its version and the instant it started, for {@code /api/status} and the MI's
 * {@code version} and {@code uptime}. Thread-safe.
 */
@ApplicationScoped
public class RouterInfo {

    private String version;
    private Clock clock;
    private Instant started;

    protected RouterInfo() {
        // for CDI's proxy
    }

    @Inject
    public RouterInfo(Clock clock) {
        this(clock, builtVersion());
    }

    RouterInfo(Clock clock, String version) {
        this.clock = clock;
        this.version = version;
        this.started = clock.instant();
    }

    /** The version of the WAR, as Maven built it ({@code 1.0-SNAPSHOT}). */
    public String version() {
        return version;
    }

    /** When the router started (this bean is made while it starts). */
    public Instant started() {
        return started;
    }

    /** How long the router has run. */
    public Duration uptime() {
        return Duration.between(started, clock.instant());
    }

    private static String builtVersion() {
        try (InputStream in = RouterInfo.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the router's version.properties", e);
        }
    }

    /** Made while the router starts, so that {@link #started()} is the start and not the first question. */
    void start(@Observes RouterStarting starting) {
        // nothing more: being called instantiates the bean
    }
}

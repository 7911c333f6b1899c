package org.interchange.tracing;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.interchange.container.config.RouterConfiguration;

/**
 * Tracing settings.
 *
 * @param hep           {@code tracing.hep}: the HEP collectors every trace to {@code hep} goes to, comma-separated
 *                      {@code udp:<host>:<port>} or {@code tcp:<host>:<port>} (default none: no trace can go to HEP)
 * @param captureId     {@code tracing.capture-id}: the capture agent id in every HEP packet (default 1, 0..2^31-1),
 *                      OpenSIPS's {@code hep_capture_id}
 * @param password      {@code tracing.capture-password}: the collector's password, sent in every HEP packet
 *                      (default none), Homer's {@code capture_password}
 * @param database      {@code tracing.database}: whether traces may write the {@code sip_trace} table (default true)
 * @param queueSize     {@code tracing.queue-size}: messages waiting to be sent to HEP, and, apart, to be written;
 *                      beyond, a message is dropped and counted (default 10000, 100..1000000)
 * @param atStart       {@code tracing.start}: traces started with the router, comma-separated {@code all},
 *                      {@code user:<user@domain>}, {@code caller:<user@domain>}, {@code callee:<user@domain>},
 *                      {@code source:<address>} or {@code callid:<Call-ID>}, each to every
 *                      destination configured (default none)
 */
public record TracingSettings(List<HepDestination> hep, int captureId, Optional<String> password, boolean database,
                              int queueSize, List<StartupTrace> atStart) {

    /** {@code tracing.hep-version}: only HEP version 3 is spoken. */
    public static final int HEP_VERSION = 3;

    /** A trace of {@code tracing.start}. */
    public record StartupTrace(Match match, String value) {

        static StartupTrace parse(String text) {
            int colon = text.indexOf(':');
            return colon < 0 ? new StartupTrace(Match.parse(text), "")
                    : new StartupTrace(Match.parse(text.substring(0, colon)), text.substring(colon + 1).trim());
        }
    }

    public TracingSettings {
        hep = List.copyOf(hep);
        atStart = List.copyOf(atStart);
    }

    public static TracingSettings from(RouterConfiguration config) {
        config.integer("tracing.hep-version", HEP_VERSION, HEP_VERSION, HEP_VERSION);
        TracingSettings settings = new TracingSettings(
                config.list("tracing.hep", List.of(), HepDestination::parse),
                config.integer("tracing.capture-id", 1, 0, Integer.MAX_VALUE),
                config.optional("tracing.capture-password").filter(password -> !password.isEmpty()),
                config.bool("tracing.database", true),
                config.integer("tracing.queue-size", 10_000, 100, 1_000_000),
                config.list("tracing.start", List.of(), StartupTrace::parse));
        if (!settings.atStart.isEmpty() && settings.destinations().isEmpty()) {
            throw config.invalid("tracing.start", "no destination: set tracing.hep or tracing.database = true");
        }
        return settings;
    }

    /** The destinations configured: {@code hep} with collectors, {@code database} unless turned off. */
    public Set<Destination> destinations() {
        if (hep.isEmpty()) {
            return database ? Set.of(Destination.DATABASE) : Set.of();
        }
        return database ? Set.of(Destination.HEP, Destination.DATABASE) : Set.of(Destination.HEP);
    }
}

package org.interchange.container;

import org.restcomm.commons.statistics.reporter.RestcommStatsReporter;

import com.codahale.metrics.MetricFilter;

/**
 * Keeps MSS from sending usage statistics out of the machine.
 *
 * <p>Whatever {@code gatherStatistics} says, MSS's dispatcher starts Restcomm's statistics reporter, which posts its
 * counters (calls, seconds, messages) once a day and once more when the container stops, to the server named in
 * the restcomm-statistics jar ({@code http://192.168.0.44/rest/}). The reporter reports what the shared registry
 * holds, and the dispatcher registers its counters there when it is created: emptying the registry after that
 * leaves nothing to send. MSS keeps counting in the counters it holds.
 */
public final class NoUsageStatistics {

    private NoUsageStatistics() {
    }

    /** Removes every metric from the reporter's registry; call it once the SIP service is initialised. */
    public static void apply() {
        RestcommStatsReporter.getMetricRegistry().removeMatching(MetricFilter.ALL);
    }
}

package org.interchange.stats;

import java.util.List;
import java.util.Map;

import javax.enterprise.context.Dependent;
import javax.enterprise.inject.Produces;

import org.interchange.mi.spi.MiCommand;
import org.interchange.mi.spi.MiError;

/**
 * The statistics MI commands of OpenSIPS's core: {@code get_statistics} and {@code reset_statistics}, each taking
 * {@code statistics}, an array of names ({@code core:rcv_requests}, a group {@code tm:}, or {@code all}). As in
 * OpenSIPS, names that match nothing are skipped (a script asking for a statistic only OpenSIPS has still gets the
 * others), and {@code 404 Statistics Not Found} answers when none matches.
 */
@Dependent
public class StatisticsCommands {

    private static final List<List<String>> STATISTICS = List.of(List.of("statistics"));

    /** {@code {"core:rcv_requests": 12, ...}}. */
    @Produces
    MiCommand getStatistics(Statistics statistics) {
        return MiCommand.of("get_statistics", STATISTICS, params -> {
            Map<String, Number> found = statistics.getKnown(params.texts("statistics"));
            if (found.isEmpty()) {
                throw notFound();
            }
            return found;
        });
    }

    /** {@code "OK"}: the counters named are zero again; gauges among them keep their value. */
    @Produces
    MiCommand resetStatistics(Statistics statistics) {
        return MiCommand.of("reset_statistics", STATISTICS, params -> {
            if (statistics.resetKnown(params.texts("statistics")).isEmpty()) {
                throw notFound();
            }
            return "OK";
        });
    }

    private static MiError notFound() {
        return new MiError(404, "Statistics Not Found");
    }
}

package org.interchange.stats;

import java.util.List;

import javax.enterprise.context.Dependent;
import javax.enterprise.inject.Produces;

import org.interchange.mi.spi.MiCommand;
import org.interchange.mi.spi.MiError;

/**
 * The statistics MI commands of OpenSIPS's core: {@code get_statistics} and {@code reset_statistics}, each taking
 * {@code statistics}, an array of names ({@code core:rcv_requests}, a group {@code tm:}, or {@code all}).
 */
@Dependent
public class StatisticsCommands {

    private static final List<List<String>> STATISTICS = List.of(List.of("statistics"));

    /** {@code {"core:rcv_requests": 12, ...}}; {@code -32602} naming a name that matches no statistic. */
    @Produces
    MiCommand getStatistics(Statistics statistics) {
        return MiCommand.of("get_statistics", STATISTICS, params -> {
            try {
                return statistics.get(params.texts("statistics"));
            } catch (IllegalArgumentException e) {
                throw MiError.invalidParams(e.getMessage());
            }
        });
    }

    /** {@code "OK"}: the counters named are zero again; gauges among them keep their value. */
    @Produces
    MiCommand resetStatistics(Statistics statistics) {
        return MiCommand.of("reset_statistics", STATISTICS, params -> {
            try {
                statistics.reset(params.texts("statistics"));
                return "OK";
            } catch (IllegalArgumentException e) {
                throw MiError.invalidParams(e.getMessage());
            }
        });
    }
}

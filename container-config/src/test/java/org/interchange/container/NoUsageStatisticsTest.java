package org.interchange.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.restcomm.commons.statistics.reporter.RestcommStatsReporter;

import com.sun.net.httpserver.HttpServer;

/**
 * MSS's statistics reporter posts the counters of the shared registry; here it posts to a local server instead of
 * Restcomm's, so the test can see whether anything would leave the machine.
 */
class NoUsageStatisticsTest {

    private final AtomicInteger posts = new AtomicInteger();
    private HttpServer statisticsServer;
    private RestcommStatsReporter reporter;

    @BeforeEach
    void reporterPostsToALocalServer() throws IOException {
        statisticsServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        statisticsServer.createContext("/", exchange -> {
            posts.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        statisticsServer.start();
        reporter = new RestcommStatsReporter();
        reporter.setRemoteServer("http://127.0.0.1:" + statisticsServer.getAddress().getPort() + "/rest/");
        // what MSS's dispatcher does when it is created
        RestcommStatsReporter.getMetricRegistry().counter("calls").inc();
    }

    @AfterEach
    void stopServer() {
        statisticsServer.stop(0);
        RestcommStatsReporter.getMetricRegistry().removeMatching((name, metric) -> true);
    }

    @Test
    void withoutItTheReporterPostsMssCounters() {
        reporter.report();

        assertThat(posts).hasPositiveValue();
    }

    @Test
    void afterItTheReporterHasNothingToPost() {
        NoUsageStatistics.apply();

        reporter.report();

        assertThat(posts).hasValue(0);
    }
}

package org.interchange.listener.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Change detection of routes and addresses: a snapshot is compared with the last one, so that a change is reported
 * once. The snapshot is a test's string.
 */
class RouteTableWatchTest {

    private String routes = "default via 192.0.2.1 dev eth0";
    private final RouteTableWatch watch = new RouteTableWatch(() -> routes);

    @Test
    void theSameSnapshotIsNoChange() {
        assertThat(watch.changed()).isFalse();
        assertThat(watch.changed()).isFalse();
    }

    @Test
    void aChangedSnapshotIsReportedOnce() {
        routes = "default via 192.0.2.254 dev eth0";

        assertThat(watch.changed()).isTrue();
        assertThat(watch.changed()).isFalse();
    }

    @Test
    void goingBackToAnEarlierSnapshotIsAChangeToo() {
        routes = "default via 192.0.2.254 dev eth0";
        watch.changed();

        routes = "default via 192.0.2.1 dev eth0";

        assertThat(watch.changed()).isTrue();
    }
}

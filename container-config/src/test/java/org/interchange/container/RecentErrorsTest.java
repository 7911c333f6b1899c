package org.interchange.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The warnings and errors the dashboard shows: the latest ones, bounded, below the threshold none. */
class RecentErrorsTest {

    private final Logger logger = Logger.getLogger("org.interchange.test.recent");
    private final RecentErrors appender = new RecentErrors();

    RecentErrorsTest() {
        appender.setCapacity(3);
        appender.setThreshold(Level.WARN);
        appender.activateOptions();
        logger.addAppender(appender);
    }

    @AfterEach
    void detach() {
        logger.removeAppender(appender);
        appender.close();
    }

    @Test
    void keepsTheLatestWarningsAndErrorsOldestFirstAndForgetsBeyondItsCapacity() {
        logger.info("not kept");
        logger.warn("first");
        logger.error("second", new IllegalStateException("broken"));
        logger.warn("third");
        logger.warn("fourth");

        assertThat(RecentErrors.latest()).extracting(RecentErrors.Event::message)
                .containsExactly("second", "third", "fourth");
        RecentErrors.Event error = RecentErrors.latest().get(0);
        assertThat(error.level()).isEqualTo("ERROR");
        assertThat(error.logger()).isEqualTo("org.interchange.test.recent");
        assertThat(error.thrown()).isEqualTo("java.lang.IllegalStateException: broken");
    }

    @Test
    void aClosedAppenderIsNoLongerRead() {
        logger.warn("kept");
        appender.close();

        assertThat(RecentErrors.latest()).isEmpty();
    }

    @Test
    void refusesACapacityOutOfBounds() {
        assertThatThrownBy(() -> appender.setCapacity(0)).hasMessageContaining("expected 1..10000");
    }
}

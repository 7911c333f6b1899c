package org.interchange.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import gov.nist.javax.sip.stack.SIPStackTimerTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WheelSipTimerTest {

    private final WheelSipTimer timer = new WheelSipTimer();

    @BeforeEach
    void start() {
        timer.start(null, new Properties());
    }

    @AfterEach
    void stop() {
        timer.stop();
    }

    @Test
    void aTaskRunsOnceAfterItsDelay() throws InterruptedException {
        CountingTask task = new CountingTask(1);

        timer.schedule(task, 20);

        assertThat(task.ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(task.runs.get()).isEqualTo(1);
    }

    @Test
    void aCancelledTaskDoesNotRunAndIsToldSo() throws InterruptedException {
        CountingTask cancelled = new CountingTask(1);
        CountingTask later = new CountingTask(1);

        timer.schedule(cancelled, 50);
        assertThat(timer.cancel(cancelled)).isTrue();
        timer.schedule(later, 100); // runs after the cancelled one would have

        assertThat(later.ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(cancelled.runs.get()).isZero();
        assertThat(cancelled.cleanedUp).isTrue();
    }

    @Test
    void aRepeatingTaskRunsUntilCancelled() throws InterruptedException {
        CountingTask repeating = new CountingTask(3);

        timer.scheduleWithFixedDelay(repeating, 10, 10);
        assertThat(repeating.ran.await(5, TimeUnit.SECONDS)).isTrue();
        timer.cancel(repeating);
        int runs = repeating.runs.get();
        CountingTask after = new CountingTask(1);
        timer.schedule(after, 100);

        assertThat(after.ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(repeating.runs.get()).as("no run after the cancel but one in progress").isBetween(runs, runs + 1);
    }

    @Test
    void aFailingTaskDoesNotStopTheTimer() throws InterruptedException {
        CountingTask after = new CountingTask(1);

        timer.schedule(new SIPStackTimerTask() {
            @Override
            public void runTask() {
                throw new IllegalStateException("a task that fails");
            }

            @Override
            public Object getThreadHash() {
                return null;
            }
        }, 10);
        timer.schedule(after, 50);

        assertThat(after.ran.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aStoppedTimerTakesNoTask() {
        timer.stop();

        assertThat(timer.isStarted()).isFalse();
        assertThatThrownBy(() -> timer.schedule(new CountingTask(1), 10)).isInstanceOf(IllegalStateException.class);
    }

    private static final class CountingTask extends SIPStackTimerTask {
        final AtomicInteger runs = new AtomicInteger();
        final CountDownLatch ran;
        volatile boolean cleanedUp;

        CountingTask(int expectedRuns) {
            ran = new CountDownLatch(expectedRuns);
        }

        @Override
        public void runTask() {
            runs.incrementAndGet();
            ran.countDown();
        }

        @Override
        public void cleanUpBeforeCancel() {
            cleanedUp = true;
        }

        @Override
        public Object getThreadHash() {
            return null;
        }
    }
}

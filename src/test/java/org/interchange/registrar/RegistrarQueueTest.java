package org.interchange.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.interchange.container.config.InvalidConfigurationException;
import org.interchange.core.TestConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistrarQueueTest {

    @TempDir
    Path directory;

    @Test
    void fullQueueRefusesWorkAtOnceAndRunsWhatItAccepted() throws InterruptedException {
        RegistrarQueue queue = new RegistrarQueue(TestConfiguration.load(directory, """
                registrar.threads = 1
                registrar.queue-size = 1
                """));
        CountDownLatch databaseAnswers = new CountDownLatch(1);
        CountDownLatch queuedWorkRan = new CountDownLatch(1);
        try {
            queue.execute(() -> await(databaseAnswers));
            queue.execute(queuedWorkRan::countDown);

            assertThatThrownBy(() -> queue.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);

            databaseAnswers.countDown();
            assertThat(queuedWorkRan.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            databaseAnswers.countDown();
            queue.shutdown();
        }
    }

    @Test
    void threadsOutOfRangeAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> new RegistrarQueue(TestConfiguration.load(directory, "registrar.threads = 0\n")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("line 1: registrar.threads");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.interchange.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkQueuesTest {

    private final WorkQueues queues = new WorkQueues();
    private final CountDownLatch databaseAnswers = new CountDownLatch(1);

    @AfterEach
    void stop() {
        databaseAnswers.countDown();
        queues.shutdown();
    }

    @Test
    void fullBacklogRefusesWorkAtOnceAndRunsWhatItHeld() throws InterruptedException {
        Executor queue = queues.create("registrar", 1, 1);
        CountDownLatch heldWorkRan = new CountDownLatch(1);
        queue.execute(this::awaitDatabase);
        queue.execute(heldWorkRan::countDown);

        assertThatThrownBy(() -> queue.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);

        databaseAnswers.countDown();
        assertThat(heldWorkRan.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void workRunsOnAThreadNamedAfterTheQueue() throws InterruptedException {
        AtomicReference<String> thread = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);

        queues.create("registrar", 1, 1).execute(() -> {
            thread.set(Thread.currentThread().getName());
            ran.countDown();
        });

        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(thread.get()).isEqualTo("interchange-registrar-1");
    }

    @Test
    void aNameIsOneQueue() {
        queues.create("registrar", 1, 1);

        assertThatThrownBy(() -> queues.create("registrar", 1, 1)).hasMessage("work queue registrar exists already");
    }

    private void awaitDatabase() {
        try {
            databaseAnswers.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

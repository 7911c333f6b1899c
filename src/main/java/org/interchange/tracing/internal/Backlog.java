package org.interchange.tracing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.interchange.core.WorkQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traced messages waiting for one thread that sends or writes them, in batches: a bounded queue that the SIP stack's
 * threads fill without ever waiting. A message that finds it full is dropped and counted. Thread-safe.
 */
public final class Backlog<T> {

    /** Messages handed to the sink at once: a database transaction's worth. */
    static final int BATCH = 200;

    private static final Logger log = LoggerFactory.getLogger(Backlog.class);

    private final String name;
    private final BlockingQueue<T> queue;
    private final Consumer<List<T>> sink;
    private final LongAdder dropped = new LongAdder();

    /**
     * @param name     the queue's name: its thread is {@code interchange-<name>-1}
     * @param capacity messages that may wait
     * @param sink     takes each batch, in order, on the backlog's thread; what it throws is logged
     */
    public Backlog(String name, int capacity, Consumer<List<T>> sink) {
        this.name = name;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sink = sink;
    }

    /** Starts the thread that empties the backlog; it ends when the work queues stop. */
    public void start(WorkQueues queues) {
        queues.create(name, 1, 1).execute(this::drain);
    }

    /** Queues a message, or drops and counts it when the backlog is full. Never waits. */
    public void offer(T message) {
        if (!queue.offer(message)) {
            dropped.increment();
        }
    }

    /** Messages dropped so far because the backlog was full. */
    public long dropped() {
        return dropped.sum();
    }

    private void drain() {
        List<T> batch = new ArrayList<>(BATCH);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                T first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                try {
                    sink.accept(batch);
                } catch (RuntimeException e) {
                    dropped.add(batch.size());
                    log.warn("Tracing ({}) lost {} messages: {}", name, batch.size(), e.getMessage());
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.interchange.core;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.annotation.PreDestroy;
import javax.enterprise.context.ApplicationScoped;

/**
 * The router's threads for work that may block, such as database writes, so that the SIP stack's threads (which
 * every message shares) never wait: capabilities make named queues here, as they register timers with the
 * {@link Scheduler}. Each queue has a fixed number of threads, named {@code interchange-<queue>-<n>}, and a bounded
 * backlog; work beyond it is refused at once, so that the caller can answer "try later" instead of piling up.
 * Thread-safe.
 */
@ApplicationScoped
public class WorkQueues {

    private final Map<String, ThreadPoolExecutor> queues = new ConcurrentHashMap<>();

    /**
     * Makes a queue: {@link Executor#execute} runs work on one of {@code threads} threads, or holds it while they are
     * busy, up to {@code backlog} pieces of work; beyond that it throws {@link RejectedExecutionException}.
     *
     * @throws IllegalStateException if a queue of that name exists already
     */
    public Executor create(String name, int threads, int backlog) {
        AtomicInteger count = new AtomicInteger();
        return queues.compute(name, (key, existing) -> {
            if (existing != null) {
                throw new IllegalStateException("work queue " + name + " exists already");
            }
            return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                    new ArrayBlockingQueue<>(backlog), runnable -> {
                        Thread thread = new Thread(runnable, "interchange-" + name + "-" + count.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    }, new ThreadPoolExecutor.AbortPolicy());
        });
    }

    /** Stops every queue: running work is interrupted, held work is dropped. */
    @PreDestroy
    public void shutdown() {
        queues.values().forEach(ThreadPoolExecutor::shutdownNow);
    }
}

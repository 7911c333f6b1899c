package org.interchange.registrar;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.annotation.PreDestroy;
import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.event.Observes;
import javax.inject.Inject;

import org.interchange.container.config.RouterConfiguration;
import org.interchange.core.RouterStarting;

/**
 * The threads that write registrations to the database, so that the SIP stack's threads (which every message
 * shares) never wait on it: a few threads ({@code registrar.threads}, default 4) and a bounded queue
 * ({@code registrar.queue-size}, default 100). A full queue refuses more work at once
 * ({@link RejectedExecutionException}), which the servlet answers with 503 and Retry-After. Thread-safe.
 */
@ApplicationScoped
public class RegistrarQueue implements Executor {

    private ThreadPoolExecutor executor;

    protected RegistrarQueue() {
        // for CDI's proxy
    }

    @Inject
    public RegistrarQueue(RouterConfiguration config) {
        int threads = config.integer("registrar.threads", 4, 1, 64);
        int queueSize = config.integer("registrar.queue-size", 100, 1, 100_000);
        AtomicInteger count = new AtomicInteger();
        executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueSize), runnable -> {
                    Thread thread = new Thread(runnable, "interchange-registrar-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Queues work.
     *
     * @throws RejectedExecutionException when the queue is full (the database is slow or down) or shut down
     */
    @Override
    public void execute(Runnable work) {
        executor.execute(work);
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }

    /** Reads the settings (and refuses bad ones) at start, not at the first REGISTER. */
    void start(@Observes RouterStarting starting) {
        // nothing more: being called instantiates the bean
    }
}

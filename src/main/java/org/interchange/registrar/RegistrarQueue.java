package org.interchange.registrar;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.event.Observes;
import javax.inject.Inject;

import org.interchange.container.config.RouterConfiguration;
import org.interchange.core.RouterStarting;
import org.interchange.core.WorkQueues;

/**
 * The work queue {@code registrar} of the core's {@link WorkQueues}: the threads that write registrations to the
 * database when location writes through ({@code location.db-mode=write-through}), so that the SIP stack's threads
 * never wait on it; in write-behind mode it stays idle (its threads start with the first work).
 * {@code registrar.threads} threads (default 8, as many as the SIP stack has, 1..64) and a backlog of
 * {@code registrar.queue-size} REGISTERs (default 2000, two seconds of a registration storm at 1,000/s, 1..100000);
 * beyond it work is refused at once ({@link RejectedExecutionException}), which the servlet answers with 503 and
 * Retry-After, as it answers a REGISTER that waited too long to be written. Thread-safe.
 */
@ApplicationScoped
public class RegistrarQueue implements Executor {

    private Executor queue;

    protected RegistrarQueue() {
        // for CDI's proxy
    }

    @Inject
    public RegistrarQueue(RouterConfiguration config, WorkQueues queues) {
        queue = queues.create("registrar", config.integer("registrar.threads", 8, 1, 64),
                config.integer("registrar.queue-size", 2000, 1, 100_000));
    }

    /**
     * Queues work.
     *
     * @throws RejectedExecutionException when the backlog is full (the database is slow or down)
     */
    @Override
    public void execute(Runnable work) {
        queue.execute(work);
    }

    /** Reads the settings (and refuses bad ones) at start, not at the first REGISTER. */
    void start(@Observes RouterStarting starting) {
        // nothing more: being called instantiates the bean
    }
}

package org.interchange.core;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.annotation.PreDestroy;
import javax.enterprise.context.ApplicationScoped;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's one scheduler: capabilities register named periodic tasks here ({@code location-expiry},
 * {@code dispatcher-probe}), as OpenSIPS modules register timers with the core. A task that throws is logged and
 * runs again at its next period. Thread-safe.
 */
@ApplicationScoped
public class Scheduler {

    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

    private final AtomicInteger threads = new AtomicInteger();
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "interchange-timer-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();

    private record Task(Duration period, ScheduledFuture<?> future) {
    }

    /**
     * Runs {@code task} every {@code period}, the first time one period from now.
     *
     * @throws IllegalStateException if a task of that name is registered already
     */
    public void every(String name, Duration period, Runnable task) {
        tasks.compute(name, (key, existing) -> {
            if (existing != null) {
                throw new IllegalStateException("timer " + name + " is registered already");
            }
            long millis = period.toMillis();
            return new Task(period, executor.scheduleWithFixedDelay(() -> run(name, task), millis, millis,
                    TimeUnit.MILLISECONDS));
        });
    }

    /**
     * Runs {@code task} once, {@code delay} from now, on a timer thread: for work that must wait without holding the
     * thread that asked (the admin API's delayed answer to a failed login).
     */
    public void after(Duration delay, Runnable task) {
        executor.schedule(() -> run("once", task), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The registered tasks and their periods, by name. */
    public Map<String, Duration> tasks() {
        Map<String, Duration> periods = new TreeMap<>();
        tasks.forEach((name, task) -> periods.put(name, task.period()));
        return periods;
    }

    private static void run(String name, Runnable task) {
        Thread thread = Thread.currentThread();
        String threadName = thread.getName();
        thread.setName(threadName + "/" + name);
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("Timer {} failed; it runs again at its next period", name, e);
        } finally {
            thread.setName(threadName);
        }
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }
}

package org.interchange.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The scheduler with a test's hand on it: tasks are registered, and run only when the test runs them. */
public final class ManualScheduler extends Scheduler {

    private record Task(Duration period, Runnable body) {
    }

    private final Map<String, Task> registered = new LinkedHashMap<>();

    @Override
    public void every(String name, Duration period, Runnable task) {
        if (registered.putIfAbsent(name, new Task(period, task)) != null) {
            throw new IllegalStateException("timer " + name + " is registered already");
        }
    }

    @Override
    public Map<String, Duration> tasks() {
        Map<String, Duration> periods = new TreeMap<>();
        registered.forEach((name, task) -> periods.put(name, task.period()));
        return periods;
    }

    /** Runs a registered task once, as its timer would. */
    public void run(String name) {
        Task task = registered.get(name);
        if (task == null) {
            throw new IllegalArgumentException("no timer " + name + "; registered: " + registered.keySet());
        }
        task.body().run();
    }
}

package org.interchange.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    private final List<Runnable> delayed = new ArrayList<>();

    @Override
    public void after(Duration delay, Runnable task) {
        delayed.add(task);
    }

    /** Runs the one-shot tasks scheduled so far, as their delays would; how many there were. */
    public int runDelayed() {
        List<Runnable> due = List.copyOf(delayed);
        delayed.clear();
        due.forEach(Runnable::run);
        return due.size();
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

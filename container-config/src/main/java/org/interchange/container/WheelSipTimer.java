package org.interchange.container;

import java.util.Properties;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.SIPStackTimerTask;
import gov.nist.javax.sip.stack.timers.SipTimer;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP stack's transaction timers (RFC 3261 timers A to K, JAIN-SIP's linger and retransmission timers) on a
 * hashed wheel, plugged in as JAIN-SIP's {@code gov.nist.javax.sip.TIMER_CLASS_NAME}. JAIN-SIP's own timer is a
 * {@code java.util.Timer}: a binary heap of every task scheduled, where a cancelled task stays until its time comes;
 * at 500 calls/s it held some hundred thousand tasks for the 32 s of a UDP transaction, and keeping the heap in order
 * took 6 % of the router's CPU (JFR, 2026-12-06). On the wheel, scheduling and cancelling cost the same whatever is
 * pending, and a cancelled task is gone at the next tick.
 *
 * <p>Tasks run on the wheel's one thread, as on JAIN-SIP's, {@value #TICK_MS} ms apart at most: the timers' finest
 * step is 500 ms (T1). At most {@value #MAX_PENDING} tasks wait; beyond, scheduling fails as it does on a stopped
 * timer, which the stack reports for the transaction at hand. Thread-safe.
 */
public final class WheelSipTimer implements SipTimer {

    static final long TICK_MS = 10;
    /** Some 10 timers for each of the 50,000 server transactions the UDP listeners admit, with room to spare. */
    static final long MAX_PENDING = 1_000_000;
    private static final int TICKS_PER_WHEEL = 512;
    private static final Logger log = LoggerFactory.getLogger(WheelSipTimer.class);

    private final AtomicBoolean started = new AtomicBoolean();
    private volatile HashedWheelTimer wheel;

    @Override
    public void start(SipStackImpl stack, Properties configuration) {
        HashedWheelTimer created = new HashedWheelTimer(runnable -> {
            Thread thread = new Thread(runnable, "sip-stack-timer");
            thread.setDaemon(true);
            return thread;
        }, TICK_MS, TimeUnit.MILLISECONDS, TICKS_PER_WHEEL, false, MAX_PENDING);
        created.start();
        wheel = created;
        started.set(true);
    }

    @Override
    public boolean schedule(SIPStackTimerTask task, long delay) {
        task.setSipTimerTask(wheel().newTimeout(timeout -> run(task), delay, TimeUnit.MILLISECONDS));
        return true;
    }

    @Override
    public boolean scheduleWithFixedDelay(SIPStackTimerTask task, long delay, long period) {
        Repeating repeating = new Repeating(task, period);
        task.setSipTimerTask(repeating);
        repeating.next = wheel().newTimeout(repeating, delay, TimeUnit.MILLISECONDS);
        return true;
    }

    @Override
    public boolean cancel(SIPStackTimerTask task) {
        Object scheduled = task.getSipTimerTask();
        task.cleanUpBeforeCancel();
        if (scheduled instanceof Repeating repeating) {
            return repeating.cancel();
        }
        return scheduled instanceof Timeout timeout && timeout.cancel();
    }

    @Override
    public void stop() {
        started.set(false);
        HashedWheelTimer stopped = wheel;
        if (stopped != null) {
            stopped.stop();
        }
    }

    @Override
    public boolean isStarted() {
        return started.get();
    }

    private HashedWheelTimer wheel() {
        if (!started.get()) {
            throw new IllegalStateException("The SIP stack's timer has been stopped: no task can be scheduled");
        }
        return wheel;
    }

    private static void run(SIPStackTimerTask task) {
        try {
            task.runTask();
        } catch (RuntimeException | Error e) {
            log.error("SIP stack timer task {} failed", task.getClass().getName(), e);
        }
    }

    /** A task that runs again {@code period} ms after each run, until cancelled. */
    private final class Repeating implements io.netty.util.TimerTask {

        private final SIPStackTimerTask task;
        private final long period;
        private volatile boolean cancelled;
        private volatile Timeout next;

        Repeating(SIPStackTimerTask task, long period) {
            this.task = task;
            this.period = period;
        }

        @Override
        public void run(Timeout timeout) {
            if (cancelled) {
                return;
            }
            WheelSipTimer.run(task);
            try {
                if (!cancelled && started.get()) {
                    next = wheel.newTimeout(this, period, TimeUnit.MILLISECONDS);
                }
            } catch (RejectedExecutionException | IllegalStateException stopped) {
                log.debug("SIP stack timer task {} not repeated: {}", task.getClass().getName(), stopped.toString());
            }
        }

        boolean cancel() {
            cancelled = true;
            Timeout pending = next;
            return pending != null && pending.cancel();
        }
    }
}

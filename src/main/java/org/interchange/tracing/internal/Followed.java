package org.interchange.tracing.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The transactions or dialogs a trace follows, by key (a Call-ID, a Call-ID and CSeq), each until a time: a map the
 * SIP stack's threads use without waiting. It holds at most {@code capacity} keys (give or take one a thread racing
 * another): when full it forgets those past their time, at most once a second, and while none is, it follows
 * nothing new. Thread-safe.
 */
public final class Followed {

    private final int capacity;
    private final Map<String, Long> until = new ConcurrentHashMap<>();
    /** When it last forgot keys past their time; at first long before (half of MIN_VALUE: no overflow). */
    private final AtomicLong lastPurge = new AtomicLong(Long.MIN_VALUE / 2);

    public Followed(int capacity) {
        this.capacity = capacity;
    }

    /** Whether the key is followed at {@code nowMillis}; if so, until {@code untilMillis} from now on. */
    public boolean renew(String key, long nowMillis, long untilMillis) {
        return until.computeIfPresent(key, (followed, time) -> time < nowMillis ? null : untilMillis) != null;
    }

    /** Follows the key until {@code untilMillis}, unless full of keys still followed. */
    public void follow(String key, long nowMillis, long untilMillis) {
        if (until.size() >= capacity) {
            long last = lastPurge.get();
            if (nowMillis - last >= 1000 && lastPurge.compareAndSet(last, nowMillis)) {
                until.values().removeIf(time -> time < nowMillis);
            }
            if (until.size() >= capacity) {
                return;
            }
        }
        until.put(key, untilMillis);
    }

    /** Keys held, followed or not yet forgotten. */
    public int size() {
        return until.size();
    }
}

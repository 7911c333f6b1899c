package org.interchange.auth.internal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.interchange.container.HmacSha256;

/**
 * Stateless digest nonces: the issue time and a random value, signed with HMAC-SHA-256. A nonce older than its
 * lifetime is stale; one whose signature does not verify is invalid. The nonce counts seen per nonce are remembered
 * so that a request cannot be replayed with a count already used. Those counts live in memory only: a nonce issued
 * before this instance was made (before the router's start) is stale, so that its user agent retries with a fresh
 * one at once (RFC 7616 3.3, {@code stale=true}) and a request seen before the restart cannot be replayed after it.
 * Thread-safe.
 */
public final class Nonces {

    /** What a received nonce is worth. */
    public enum State { VALID, STALE, INVALID }

    private static final int RANDOM_BYTES = 8;
    private static final int MAC_BYTES = 16;

    private final HmacSha256 hmac;
    private final Duration lifetime;
    private final Clock clock;
    private final long startMillis;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Long> highestCount = new ConcurrentHashMap<>();

    public Nonces(byte[] secret, Duration lifetime, Clock clock) {
        this.hmac = new HmacSha256(secret);
        this.lifetime = lifetime;
        this.clock = clock;
        this.startMillis = clock.millis();
    }

    /** A fresh nonce. */
    public String issue() {
        byte[] randomPart = new byte[RANDOM_BYTES];
        random.nextBytes(randomPart);
        ByteBuffer body = ByteBuffer.allocate(Long.BYTES + RANDOM_BYTES);
        body.putLong(clock.millis()).put(randomPart);
        ByteBuffer nonce = ByteBuffer.allocate(body.capacity() + MAC_BYTES);
        nonce.put(body.array()).put(mac(body.array()), 0, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce.array());
    }

    /** Whether a received nonce is ours and still fresh. */
    public State check(String nonce) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return State.INVALID;
        }
        int bodyLength = Long.BYTES + RANDOM_BYTES;
        if (bytes.length != bodyLength + MAC_BYTES) {
            return State.INVALID;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte[] body = new byte[bodyLength];
        byte[] mac = new byte[MAC_BYTES];
        buffer.get(body).get(mac);
        byte[] expected = new byte[MAC_BYTES];
        System.arraycopy(mac(body), 0, expected, 0, MAC_BYTES);
        if (!MessageDigest.isEqual(mac, expected)) {
            return State.INVALID;
        }
        long issued = ByteBuffer.wrap(body).getLong();
        long age = clock.millis() - issued;
        return issued >= startMillis && age >= 0 && age <= lifetime.toMillis() ? State.VALID : State.STALE;
    }

    /**
     * Records the use of a nonce count; false when that count (or a higher one) was used with this nonce already,
     * which is a replay.
     */
    public boolean acceptCount(String nonce, long count) {
        boolean[] accepted = {false};
        highestCount.compute(nonce, (key, highest) -> {
            if (highest == null || count > highest) {
                accepted[0] = true;
                return count;
            }
            return highest;
        });
        return accepted[0];
    }

    /** Forgets the counts of nonces that have expired; returns how many it forgot. */
    public int forgetExpired() {
        int before = highestCount.size();
        highestCount.keySet().removeIf(nonce -> check(nonce) != State.VALID);
        return before - highestCount.size();
    }

    private byte[] mac(byte[] body) {
        return hmac.mac().doFinal(body);
    }
}

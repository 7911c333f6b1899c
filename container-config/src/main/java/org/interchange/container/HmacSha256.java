package org.interchange.container;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 with one key, a {@link Mac} per thread: a Mac is not thread-safe, and looking one up and keying it
 * costs more than the short MACs the router computes (Record-Route signatures, nonces). Thread-safe.
 */
public final class HmacSha256 {

    private static final String ALGORITHM = "HmacSHA256";

    private final ThreadLocal<Mac> macs;

    public HmacSha256(byte[] key) {
        SecretKeySpec spec = new SecretKeySpec(key, ALGORITHM);
        macs = ThreadLocal.withInitial(() -> keyed(spec));
    }

    /** This thread's Mac, ready for a new MAC ({@code doFinal} resets it). */
    public Mac mac() {
        return macs.get();
    }

    private static Mac keyed(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }
}

package org.interchange.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** The digest algorithms of RFC 7616 / RFC 8760 that SIP uses, each stored as its own HA1 column. */
public enum DigestAlgorithm {
    MD5("MD5", "MD5"),
    SHA_256("SHA-256", "SHA-256"),
    SHA_512_256("SHA-512-256", "SHA-512/256");

    private final String token;
    private final String javaName;
    /** One digest per thread: looking the algorithm up per hash cost more than hashing a short text. */
    private final ThreadLocal<MessageDigest> digests;

    DigestAlgorithm(String token, String javaName) {
        this.token = token;
        this.javaName = javaName;
        this.digests = ThreadLocal.withInitial(this::newDigest);
    }

    /** The name in the {@code algorithm} parameter. */
    public String token() {
        return token;
    }

    /** Parses an algorithm name as in the configuration or a header ({@code SHA-256}); without {@code -sess}. */
    public static Optional<DigestAlgorithm> byToken(String token) {
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.token.equalsIgnoreCase(token)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** The lower-case hex digest of {@code text}. */
    public String hash(String text) {
        return HexFormat.of().formatHex(digests.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(javaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(javaName + " is missing from this JVM", e);
        }
    }

    /** HA1 = H(username:realm:password), what the subscriber table stores. */
    public String ha1(String username, String realm, String password) {
        return hash(username + ":" + realm + ":" + password);
    }
}

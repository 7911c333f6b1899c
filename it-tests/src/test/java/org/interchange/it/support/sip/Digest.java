package org.interchange.it.support.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/** Digest credentials (RFC 7616 3.4 with qop=auth, RFC 8760 for SIP) answering a {@link Challenge}. */
public final class Digest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Digest() {
    }

    /**
     * The request with credentials for the challenge added (Authorization or Proxy-Authorization), computed over
     * the request's method and Request-URI.
     *
     * @param nonceCount how many requests this nonce has signed, this one included (1 for the first)
     */
    public static SipRequest sign(SipRequest request, Challenge challenge, Subscriber subscriber, int nonceCount) {
        if (challenge.qop().isPresent() && !challenge.qop().get().toLowerCase(Locale.ROOT).contains("auth")) {
            throw new IllegalArgumentException("the challenge does not offer qop=auth: " + challenge);
        }
        byte[] cnonceBytes = new byte[8];
        RANDOM.nextBytes(cnonceBytes);
        String cnonce = HexFormat.of().formatHex(cnonceBytes);
        String nc = String.format("%08x", nonceCount);
        String ha1 = hash(challenge.algorithm(), subscriber.user() + ":" + challenge.realm() + ":" + subscriber.password());
        String ha2 = hash(challenge.algorithm(), request.method() + ":" + request.requestUri());
        String response = hash(challenge.algorithm(),
                ha1 + ":" + challenge.nonce() + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        String credentials = "Digest username=\"" + subscriber.user() + "\", realm=\"" + challenge.realm()
                + "\", nonce=\"" + challenge.nonce() + "\", uri=\"" + request.requestUri() + "\", response=\""
                + response + "\", algorithm=" + challenge.algorithm() + ", cnonce=\"" + cnonce + "\", qop=auth, nc="
                + nc + challenge.opaque().map(opaque -> ", opaque=\"" + opaque + "\"").orElse("");
        return request.without(challenge.credentialsHeader()).with(challenge.credentialsHeader(), credentials);
    }

    private static String hash(String algorithm, String text) {
        String javaName = switch (algorithm.toUpperCase(Locale.ROOT)) {
            case "MD5" -> "MD5";
            case "SHA-256" -> "SHA-256";
            case "SHA-512-256" -> "SHA-512/256";
            default -> throw new IllegalArgumentException("unsupported digest algorithm " + algorithm);
        };
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance(javaName).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

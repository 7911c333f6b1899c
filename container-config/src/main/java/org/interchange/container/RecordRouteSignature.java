package org.interchange.container;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;

import org.interchange.container.config.GeneratedFiles;
import org.interchange.container.config.RouterConfiguration;

/**
 * Signs the router's Record-Route entries, so that an in-dialog request is relayed along its Route set only through an
 * entry the router wrote for that dialog. Since the router relays the requests of dialogs it no longer holds (after a
 * restart) without state, anybody could otherwise make it relay anything anywhere by writing a Route that names it
 * followed by one that names a victim. The signature is an HMAC-SHA-256 of the dialog's Call-ID and MSS's session id
 * (the entry's {@code app_id}), carried in the entry's {@value #PARAM} parameter; its key is generated once into
 * {@value #KEY_FILE} of the data directory, readable by its owner only, so that entries stay valid across restarts.
 * Thread-safe.
 */
public final class RecordRouteSignature {

    /** The URI parameter of a Record-Route entry that carries the signature. */
    public static final String PARAM = "rs";
    /** The file of the data directory that keeps the key. */
    static final String KEY_FILE = "route-secret";

    private static final int KEY_BYTES = 32;
    private static final int SIGNATURE_BYTES = 12;

    private final HmacSha256 hmac;

    /** A signature with a key of its own (the router's is {@link #ofThisRouter()}). */
    public RecordRouteSignature(byte[] key) {
        this.hmac = new HmacSha256(key);
    }

    /** The signature of the router whose data directory the configuration names. */
    public static RecordRouteSignature ofThisRouter() {
        return Holder.INSTANCE;
    }

    /** The signature of an entry of the dialog with that Call-ID and MSS session id. */
    public String sign(String callId, String sessionId) {
        Mac mac = hmac.mac();
        mac.update(callId.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) '\n');
        byte[] digest = mac.doFinal(sessionId.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, SIGNATURE_BYTES));
    }

    /** Whether an entry's signature is the router's for that dialog; false when either is missing. */
    public boolean verifies(String callId, Optional<String> sessionId, Optional<String> signature) {
        if (sessionId.isEmpty() || signature.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sign(callId, sessionId.get()).getBytes(StandardCharsets.US_ASCII),
                signature.get().getBytes(StandardCharsets.US_ASCII));
    }

    /** The key kept in the file, generated there first when the file does not exist. */
    static byte[] key(Path file) {
        return GeneratedFiles.secret(file, KEY_BYTES, "Record-Route key").getBytes(StandardCharsets.US_ASCII);
    }

    /** Read once, when first needed. */
    private static final class Holder {
        static final RecordRouteSignature INSTANCE = new RecordRouteSignature(key(RouterConfiguration.load()
                .dataDirectory().orElseThrow(() -> new IllegalStateException(
                        "no data directory to keep the Record-Route key in: set data.dir or -Dinterchange.data"))
                .resolve(KEY_FILE)));
    }
}

package org.interchange.auth.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The nonce signing secret of a router without {@code auth.secret}: generated at first start into a file of the
 * data directory that only its owner may read, and read back at every later start, so that a nonce issued before a
 * restart still verifies after it (and is then answered as stale, not invalid).
 */
public final class NonceSecret {

    /** The file in the data directory. */
    public static final String FILE = "nonce-secret";

    private static final int RANDOM_BYTES = 32;

    private NonceSecret() {
    }

    /** The secret kept in {@code file}, generated first if the file does not exist. */
    public static String kept(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            byte[] random = new byte[RANDOM_BYTES];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret + "\n");
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the nonce secret in " + file, e);
        }
    }
}

package org.interchange.auth.internal;

import java.nio.file.Path;

import org.interchange.container.config.GeneratedFiles;

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
        return GeneratedFiles.secret(file, RANDOM_BYTES, "nonce secret");
    }
}

package org.interchange.container.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Values the router generates once into a file of its data directory and reads back at every later start, so that
 * they outlive a restart: the admin password, the nonce and Record-Route keys, the SIP server id. Secrets go into
 * files only their owner may read.
 */
public final class GeneratedFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedFiles() {
    }

    /**
     * The random secret kept in {@code file}: {@code bytes} random bytes in Base64url, generated into a file only
     * its owner may read when the file does not exist yet.
     *
     * @param what names the secret in the exception when the file cannot be used
     * @throws UncheckedIOException when the file cannot be read or written
     */
    public static String secret(Path file, int bytes, String what) {
        return kept(file, () -> {
            byte[] random = new byte[bytes];
            RANDOM.nextBytes(random);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }, true, what);
    }

    /**
     * The text kept in {@code file}, written there first from {@code generate} when the file does not exist yet.
     *
     * @param what names the value in the exception when the file cannot be used
     * @throws UncheckedIOException when the file cannot be read or written
     */
    public static String value(Path file, Supplier<String> generate, String what) {
        return kept(file, generate, false, what);
    }

    private static String kept(Path file, Supplier<String> generate, boolean ownerOnly, String what) {
        try {
            if (Files.exists(file)) {
                String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!kept.isEmpty()) {
                    return kept;
                }
                Files.delete(file); // an empty file (a start stopped between creating and writing it)
            }
            String generated = generate.get();
            Files.createDirectories(file.toAbsolutePath().getParent());
            FileAttribute<?>[] attributes = ownerOnly
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                    : new FileAttribute<?>[0];
            Files.createFile(file, attributes);
            Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the " + what + " in " + file, e);
        }
    }
}

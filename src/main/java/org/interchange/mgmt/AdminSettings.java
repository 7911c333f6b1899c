package org.interchange.mgmt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.interchange.container.config.RouterConfiguration;
import org.interchange.core.DataDirectory;

/**
 * Credentials of the admin API.
 *
 * @param user     {@code admin.user}, default {@code admin}
 * @param password {@code admin.password}; when not set, a random password generated at first start and kept in
 *                 {@code admin-password} of the data directory (readable by its owner only)
 */
public record AdminSettings(String user, String password) {

    static final String PASSWORD_FILE = "admin-password";

    public static AdminSettings from(RouterConfiguration config, DataDirectory data) {
        String user = config.string("admin.user", "admin");
        String password = config.optional("admin.password").orElseGet(() -> generatedPassword(data.file(PASSWORD_FILE)));
        return new AdminSettings(user, password);
    }

    private static String generatedPassword(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n");
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the admin password in " + file, e);
        }
    }

    @Override
    public String toString() {
        return "AdminSettings[user=" + user + "]";
    }
}

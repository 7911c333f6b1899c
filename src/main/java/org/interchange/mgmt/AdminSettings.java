package org.interchange.mgmt;


import org.interchange.container.config.GeneratedFiles;
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
        String password = config.optional("admin.password")
                .orElseGet(() -> GeneratedFiles.secret(data.file(PASSWORD_FILE), 18, "admin password"));
        return new AdminSettings(user, password);
    }

    @Override
    public String toString() {
        return "AdminSettings[user=" + user + "]";
    }
}

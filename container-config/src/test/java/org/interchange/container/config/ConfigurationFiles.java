package org.interchange.container.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes configuration files for tests; a text block's first line is line 1 of the file. */
final class ConfigurationFiles {

    private ConfigurationFiles() {
    }

    /** Writes {@code interchange.properties} into {@code directory} and loads it. */
    static RouterConfiguration load(Path directory, String properties) {
        return RouterConfiguration.load(write(directory, properties));
    }

    static Path write(Path directory, String properties) {
        try {
            return Files.writeString(directory.resolve("interchange.properties"), properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

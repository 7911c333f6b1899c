package org.interchange.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.interchange.container.config.RouterConfiguration;

/** The router's configuration file, written by a test. */
public final class TestConfiguration {

    private TestConfiguration() {
    }

    /** Writes {@code interchange.properties} with {@code properties} into {@code directory} and reads it. */
    public static RouterConfiguration load(Path directory, String properties) {
        try {
            return RouterConfiguration.load(Files.writeString(directory.resolve("interchange.properties"), properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

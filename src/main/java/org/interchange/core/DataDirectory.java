package org.interchange.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The directory where the router keeps its files: the embedded database, generated keys and passwords. */
public record DataDirectory(Path path) {

    /** A file in the directory, creating the directory when needed. */
    public Path file(String name) {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + path, e);
        }
        return path.resolve(name);
    }
}

package org.interchange.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Directories of the tests' work area, {@code -Dinterchange.it.work} ({@code it-tests/target/interchange-it}), where
 * what a test ran is left for people to read after the run. Each is emptied when a run starts to use it, so that no
 * run sees what an earlier one left.
 */
public final class WorkDirectory {

    /** The system property naming the work area (failsafe sets it). */
    public static final String PROPERTY = "interchange.it.work";

    private WorkDirectory() {
    }

    /** {@code <work area>/<name>}, made empty. */
    public static Path named(String name) throws IOException {
        return emptied(Path.of(System.getProperty(PROPERTY, "target/interchange-it"), name));
    }

    /** Deletes what {@code directory} holds, creating it when it does not exist. */
    public static Path emptied(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(WorkDirectory::delete);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return Files.createDirectories(directory);
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.interchange.it.support.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.interchange.it.support.WorkDirectory;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * A container's own copy of the distribution, where its router runs: {@code catalina.base}, with the test
 * configuration in {@code conf/interchange.properties}, the deployed WAR in {@code webapps/}, the data directory
 * (H2 database) in {@code data/} and the console output in {@code logs/router.log}. Made afresh at each run, so
 * that runs neither see each other's data nor write into the build's distribution.
 */
final class Installation {

    /** Directories of the distribution that hold run-time state, not shipped files: created empty. */
    private static final Set<String> RUN_TIME_DIRECTORIES = Set.of("webapps", "logs", "work", "temp", "data");

    private final Path directory;

    private Installation(Path directory) {
        this.directory = directory;
    }

    /** Empties {@code directory} and copies the distribution's shipped files into it. */
    static Installation copy(Path distribution, Path directory) throws IOException {
        WorkDirectory.emptied(directory);
        try (Stream<Path> files = Files.walk(distribution)) {
            for (Path source : files.toList()) {
                Path relative = distribution.relativize(source);
                if (relative.getNameCount() > 1 && RUN_TIME_DIRECTORIES.contains(relative.getName(0).toString())) {
                    continue;
                }
                Path target = directory.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES); // keeps bin/ executable
                }
            }
        }
        for (String runTime : RUN_TIME_DIRECTORIES) {
            Files.createDirectories(directory.resolve(runTime));
        }
        return new Installation(directory);
    }

    /** Writes the configuration file the router reads. */
    void configure(Map<String, String> settings, String header) throws IOException {
        StringBuilder text = new StringBuilder();
        header.lines().forEach(line -> text.append("# ").append(line).append('\n'));
        settings.forEach((key, value) -> text.append(key).append(" = ").append(value).append('\n'));
        Files.writeString(configuration(), text);
    }

    /** Makes an archive the only application of {@code webapps/}, replacing what an earlier deployment left. */
    void deploy(Archive<?> archive) throws IOException {
        Path webapps = WorkDirectory.emptied(directory.resolve("webapps"));
        archive.as(ZipExporter.class).exportTo(webapps.resolve(archive.getName()).toFile());
    }

    Path directory() {
        return directory;
    }

    Path launcher() {
        return directory.resolve("bin").resolve("interchange");
    }

    Path configuration() {
        return directory.resolve("conf").resolve("interchange.properties");
    }

    Path data() {
        return directory.resolve("data");
    }

    Path log() {
        return directory.resolve("logs").resolve("router.log");
    }
}

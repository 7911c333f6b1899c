package org.interchange.it.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The distribution's {@code bin/interchange-admin}, run against a router with the commands it calls ({@code curl},
 * {@code jq}, ...) first on PATH as shims that record their arguments and run the real ones, so that a test sees
 * every command line the script ran (where a password must never be).
 */
public final class AdminScript {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What a run did: its exit status, its standard output and error, and the command lines the shims recorded. */
    public record Run(int status, String output, String errors, List<String> commandLines) {

        /** Standard output and error, in that order. */
        public String all() {
            return output + errors;
        }
    }

    private final Router router;
    private final Path work;
    private final List<String> recorded;

    /** A script run in {@code work}, recording the command lines of {@code recorded} (names on PATH). */
    public AdminScript(Router router, Path work, List<String> recorded) {
        this.router = router;
        this.work = work;
        this.recorded = List.copyOf(recorded);
    }

    /**
     * Runs the script with {@code arguments}, {@code stdin} as its input and the router's HTTP admin URL unless
     * {@code environment} says otherwise; no INTERCHANGE_ variable of the test's own environment reaches it.
     */
    public Run run(Map<String, String> environment, String stdin, String... arguments)
            throws IOException, InterruptedException {
        Path shims = Files.createDirectories(work.resolve("shims"));
        Path commandLines = work.resolve("command-lines.log");
        Files.deleteIfExists(commandLines);
        String path = System.getenv("PATH");
        for (String command : recorded) {
            Path shim = shims.resolve(command);
            Files.writeString(shim, "#!/bin/sh\n"
                    + "{ printf '%s' '" + command + "'; for a in \"$@\"; do printf ' %s' \"$a\"; done; echo; } >> '"
                    + commandLines + "'\n"
                    + "exec '" + real(command, path) + "' \"$@\"\n");
            Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwx------"));
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty(RouterDeployment.DISTRIBUTION_PROPERTY), "bin", "interchange-admin")
                .toString());
        command.addAll(List.of(arguments));
        Path output = work.resolve("output.log");
        Path errors = work.resolve("errors.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(errors.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("INTERCHANGE_"));
        env.put("INTERCHANGE_ADMIN_URL", "http://" + router.setting("admin.http") + "/interchange/api");
        env.putAll(environment);
        env.put("PATH", shims + ":" + path);
        env.put("LANG", "C.UTF-8");
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within " + TIMEOUT.toSeconds() + " s: "
                    + Files.readString(output) + Files.readString(errors));
        }
        List<String> lines = Files.exists(commandLines)
                ? Files.readAllLines(commandLines, StandardCharsets.UTF_8) : List.of();
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
                Files.readString(errors, StandardCharsets.UTF_8), lines);
    }

    private static Path real(String command, String path) {
        for (String directory : path.split(":")) {
            Path candidate = Path.of(directory, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(command + " is not on PATH (" + path + ")");
    }
}

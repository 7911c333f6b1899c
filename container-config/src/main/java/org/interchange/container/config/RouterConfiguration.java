package org.interchange.container.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The router's configuration: {@code interchange.properties} with environment and system-property overrides.
 *
 * <p>Every accessor validates; a value that cannot be used throws {@link InvalidConfigurationException} with the
 * file, line, key and problem. Instances are immutable and thread-safe.
 */
public final class RouterConfiguration {

    /** The system property that names the configuration file. */
    public static final String FILE_PROPERTY = "interchange.config";
    /** The key naming the directory where the router keeps its files. */
    public static final String DATA_DIR_KEY = "data.dir";
    /** The system property naming that directory when the key does not ({@code bin/interchange} sets it). */
    public static final String DATA_DIR_PROPERTY = "interchange.data";

    /** The file's ordinal: below environment variables (300) and system properties (400). */
    private static final int FILE_ORDINAL = 250;

    private final Path file;
    private final SmallRyeConfig config;
    private final Set<String> keysRead = ConcurrentHashMap.newKeySet();

    private RouterConfiguration(Path file, SmallRyeConfig config) {
        this.file = file;
        this.config = config;
    }

    /**
     * Reads the configuration file named by {@value #FILE_PROPERTY}, or {@code conf/interchange.properties} under
     * {@code catalina.base} when the property is not set.
     */
    public static RouterConfiguration load() {
        String named = System.getProperty(FILE_PROPERTY);
        if (named != null) {
            return load(Path.of(named));
        }
        String base = System.getProperty("catalina.base");
        if (base == null) {
            throw new InvalidConfigurationException("No configuration file: set -D" + FILE_PROPERTY
                    + "=<path to interchange.properties> (or catalina.base, to use its conf/interchange.properties)");
        }
        return load(Path.of(base, "conf", "interchange.properties"));
    }

    /** Reads the given file, overridden by environment variables and system properties. */
    public static RouterConfiguration load(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isReadable(absolute)) {
            throw new InvalidConfigurationException(absolute + ": cannot read the configuration file"
                    + (Files.exists(absolute) ? " (permission denied)" : " (it does not exist)"));
        }
        try {
            PropertiesConfigSource source = new PropertiesConfigSource(absolute.toUri().toURL(), FILE_ORDINAL);
            SmallRyeConfig config = new SmallRyeConfigBuilder()
                    .addDefaultInterceptors() // among them the one that expands ${name}
                    .addSystemSources()
                    .withSources(source)
                    .build();
            return new RouterConfiguration(absolute, config);
        } catch (IOException e) {
            throw new InvalidConfigurationException(absolute + ": cannot read the configuration file: " + e, e);
        } catch (IllegalArgumentException e) {
            // java.util.Properties rejects malformed \\uXXXX escapes this way
            throw new InvalidConfigurationException(absolute + ": not a properties file: " + e.getMessage(), e);
        }
    }

    /**
     * Where the router keeps its files (the H2 database, generated keys and passwords): {@value #DATA_DIR_KEY}, else
     * {@code -D}{@value #DATA_DIR_PROPERTY}, else {@code data} under {@code catalina.base}; empty when none is set.
     * The one answer for the launcher, the container layer and the router.
     */
    public Optional<Path> dataDirectory() {
        return optional(DATA_DIR_KEY)
                .or(() -> Optional.ofNullable(System.getProperty(DATA_DIR_PROPERTY)).filter(s -> !s.isBlank()))
                .or(() -> Optional.ofNullable(System.getProperty("catalina.base")).map(base -> base + "/data"))
                .map(path -> Path.of(path).toAbsolutePath());
    }

    /** The configuration file this was read from. */
    public Path file() {
        return file;
    }

    /** The value of a key, if it is set to something other than blank. */
    public Optional<String> optional(String key) {
        ConfigValue value = lookup(key);
        return value == null ? Optional.empty() : Optional.of(value.getValue().trim()).filter(s -> !s.isEmpty());
    }

    /** The value of a key, or {@code fallback} when it is not set. */
    public String string(String key, String fallback) {
        return optional(key).orElse(fallback);
    }

    /** The value of a key, which must be set. */
    public String required(String key) {
        return optional(key).orElseThrow(() -> new InvalidConfigurationException(
                file + ": " + key + " is required but not set"));
    }

    /** An integer in {@code [min, max]}, or {@code fallback} when the key is not set. */
    public int integer(String key, int fallback, int min, int max) {
        return parsed(key, fallback, text -> {
            int value;
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an integer; expected " + min + ".." + max);
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException("out of range; expected " + min + ".." + max);
            }
            return value;
        });
    }

    /** {@code true} or {@code false} (also yes/no, on/off), or {@code fallback} when the key is not set. */
    public boolean bool(String key, boolean fallback) {
        return parsed(key, fallback, text -> switch (text.toLowerCase()) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        });
    }

    /** A comma-separated list, items trimmed, empty items dropped; the fallback when the key is not set. */
    public List<String> list(String key, List<String> fallback) {
        return optional(key)
                .map(text -> Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(fallback);
    }

    /**
     * A comma-separated list whose items {@code itemParser} turns into {@code T}s; the fallback when the key is not
     * set. The parser reports a bad item by throwing {@link IllegalArgumentException}.
     */
    public <T> List<T> list(String key, List<T> fallback, Function<String, T> itemParser) {
        return parsed(key, fallback, text -> Arrays.stream(text.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(itemParser).toList());
    }

    /**
     * A value turned into a {@code T} by {@code parser}, or {@code fallback} when the key is not set. The parser
     * reports a bad value by throwing {@link IllegalArgumentException} with a message that says what is expected.
     */
    public <T> T parsed(String key, T fallback, Function<String, T> parser) {
        Optional<String> text = optional(key);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return parser.apply(text.get());
        } catch (IllegalArgumentException e) {
            throw invalid(key, e.getMessage());
        }
    }

    /**
     * The names directly under {@code prefix}: for {@code listener} and keys {@code listener.a},
     * {@code listener.b.x}, the names a and b. Ordered as they appear in the file (then by name), so that "the first
     * one" means what an operator reading the file expects.
     */
    public List<String> namesUnder(String prefix) {
        String start = prefix + ".";
        Set<String> names = new TreeSet<>();
        for (String key : config.getPropertyNames()) {
            if (key.startsWith(start) && key.length() > start.length()) {
                String rest = key.substring(start.length());
                int dot = rest.indexOf('.');
                names.add(dot < 0 ? rest : rest.substring(0, dot));
            }
        }
        return names.stream()
                .sorted(Comparator.comparingInt((String name) -> firstLine(start + name)).thenComparing(name -> name))
                .collect(Collectors.toList());
    }

    /**
     * Refuses keys of the file that nothing has read: a misspelt key ({@code registrar.max-expire}) would otherwise
     * be ignored in silence. Call it once every part of the router has read its configuration.
     */
    public void rejectUnreadKeys() {
        rejectUnreadKeys(Set.of());
    }

    /**
     * Refuses keys of the file that nothing has read from this configuration and that {@code alsoKnown} does not
     * list: a file read again at run time, whose keys only some parts of the router read again ({@code reload}),
     * is checked against the keys the running router read at start.
     */
    public void rejectUnreadKeys(Set<String> alsoKnown) {
        List<String> unread = StreamSupport.stream(config.getConfigSources().spliterator(), false)
                .filter(source -> source.getOrdinal() == FILE_ORDINAL)
                .flatMap(source -> source.getPropertyNames().stream())
                .filter(key -> !keysRead.contains(key) && !alsoKnown.contains(key))
                .sorted(Comparator.comparingInt(this::line))
                .toList();
        if (!unread.isEmpty()) {
            throw new InvalidConfigurationException(unread.stream()
                    .map(key -> file + ", line " + line(key) + ": " + key + ": unknown key (misspelt, or not used by this version)")
                    .collect(Collectors.joining("\n")));
        }
    }

    /**
     * The keys the file sets, with their values as the router sees them (environment and system-property overrides
     * win, expressions expanded), in file order; reading them here does not count as reading them (see
     * {@link #rejectUnreadKeys()}). What {@code reload} compares to tell what changed.
     */
    public Map<String, String> fileValues() {
        Map<String, String> values = new LinkedHashMap<>();
        StreamSupport.stream(config.getConfigSources().spliterator(), false)
                .filter(source -> source.getOrdinal() == FILE_ORDINAL)
                .flatMap(source -> source.getPropertyNames().stream())
                .sorted(Comparator.comparingInt(this::line).thenComparing(key -> key))
                .forEach(key -> {
                    ConfigValue value = config.getConfigValue(key);
                    values.put(key, value.getValue() == null ? value.getRawValue() : value.getValue().trim());
                });
        return values;
    }

    /** The keys asked for so far, set or not: what the router reads, for a test to compare with what is documented. */
    public Set<String> keysRead() {
        return Set.copyOf(keysRead);
    }

    /**
     * Marks keys as known without reading them here: keys that the container reads itself (the embedded launcher's,
     * for instance) while the router runs standalone.
     */
    public void acknowledge(String... keys) {
        keysRead.addAll(List.of(keys));
    }

    /**
     * An exception for a bad value of {@code key}, naming where the value came from:
     * {@code /etc/interchange.properties, line 12: registrar.min-expires = "abc": not an integer}.
     */
    public InvalidConfigurationException invalid(String key, String problem) {
        ConfigValue value = lookup(key);
        if (value == null) {
            return new InvalidConfigurationException(file + ": " + key + ": " + problem);
        }
        return new InvalidConfigurationException(
                origin(value) + ": " + key + " = \"" + value.getRawValue() + "\": " + problem);
    }

    private String origin(ConfigValue value) {
        if (value.getConfigSourceOrdinal() == FILE_ORDINAL) {
            return file + (value.getLineNumber() > 0 ? ", line " + value.getLineNumber() : "");
        }
        return value.getConfigSourceName();
    }

    private int firstLine(String keyPrefix) {
        return StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(key -> key.equals(keyPrefix) || key.startsWith(keyPrefix + "."))
                .mapToInt(this::line)
                .min()
                .orElse(Integer.MAX_VALUE);
    }

    /** The line of a key in the file; {@code Integer.MAX_VALUE} when the file does not set it. */
    private int line(String key) {
        ConfigValue value = config.getConfigValue(key);
        return value.getValue() != null && value.getConfigSourceOrdinal() == FILE_ORDINAL && value.getLineNumber() > 0
                ? value.getLineNumber() : Integer.MAX_VALUE;
    }

    private ConfigValue lookup(String key) {
        keysRead.add(key);
        ConfigValue value = config.getConfigValue(key);
        if (value.getValue() == null && value.getRawValue() != null) {
            // SmallRye leaves the value out, without an error, when an expression such as ${missing} cannot expand
            throw new InvalidConfigurationException(origin(value) + ": " + key + " = \"" + value.getRawValue()
                    + "\": cannot expand it: a key or system property it refers to is not set");
        }
        return value.getValue() == null ? null : value;
    }

    @Override
    public String toString() {
        return "RouterConfiguration[" + file + "]";
    }
}

package org.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.interchange.auth.AuthSettings;
import org.interchange.container.config.RouterConfiguration;
import org.interchange.container.config.SipListener;
import org.interchange.container.tls.TlsSettings;
import org.interchange.core.DataDirectory;
import org.interchange.core.TestConfiguration;
import org.interchange.events.EventSettings;
import org.interchange.listener.Listeners;
import org.interchange.listener.SocketRules;
import org.interchange.location.LocationSettings;
import org.interchange.mgmt.AdminSettings;
import org.interchange.proxy.ProxySettings;
import org.interchange.registrar.RegistrarSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code container-config/conf/interchange.properties} documents every key the router reads (set or commented out),
 * and nothing else: the README promises that this file is the reference. The keys the code reads are found two ways,
 * so that a capability added later is not missed: by running the settings of the capabilities over a configuration
 * and asking it which keys were read (this sees keys whose names are built, such as the socket rules' conditions),
 * and by reading the main sources of the router and of the container layer for key literals (the first argument of
 * a {@link RouterConfiguration} accessor, or a constant named {@code ..._KEY}), which sees every capability.
 * Dynamic names compare by pattern: {@code listener.<name>}, {@code socket.rule.<name>.<x>}.
 */
class DocumentedKeysTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
    private static final Path PROPERTIES = REPOSITORY.resolve("container-config/conf/interchange.properties");
    private static final List<Path> SOURCES = List.of(REPOSITORY.resolve("src/main/java"),
            REPOSITORY.resolve("container-config/src/main/java"));

    /** {@code key = value}, or {@code #key = value} for a documented key left at its default. */
    private static final Pattern DOCUMENTED = Pattern.compile("^#?\\s*([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)*)\\s*=",
            Pattern.MULTILINE);
    private static final String KEY_LITERAL = "\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)*)\"";
    /** The first argument of an accessor of RouterConfiguration: {@code config.integer("registrar.min-expires", ...}. */
    private static final Pattern ACCESSOR_CALL = Pattern.compile(
            "\\.(?:string|optional|integer|bool|list|parsed|invalid)\\(\\s*" + KEY_LITERAL);
    /** {@code static final String KEYSTORE_KEY = "tls.keystore";} */
    private static final Pattern KEY_CONSTANT = Pattern.compile("String\\s+(?:\\w+_)?KEY\\s*=\\s*" + KEY_LITERAL);

    /** Keys read only to refuse a file that still sets them, with what they became (not documented as settings). */
    private static final Set<String> RETIRED = Set.of("tls.client-auth");

    private static final String EVERY_FEATURE = """
            domains = example.com
            listener.udp = udp:127.0.0.1:5060
            listener.tls = tls:127.0.0.1:5061
            socket.rule.any.socket = udp
            events.destination.hook.url = http://127.0.0.1:8080/events
            """;

    @TempDir
    Path directory;

    @Test
    void theFileDocumentsEveryKeyTheRouterReadsAndNoOther() {
        Set<String> read = new TreeSet<>(normalised(keysReadBySettings()));
        read.addAll(normalised(keysInSources()));
        read.removeAll(RETIRED);
        Set<String> documented = normalised(documentedKeys());

        assertThat(read).as("keys the router reads that %s does not document", PROPERTIES)
                .isSubsetOf(documented);
        assertThat(documented).as("keys %s documents that nothing reads", PROPERTIES)
                .isSubsetOf(read);
    }

    @Test
    void theSourceScanFindsTheKeysOfTheContainerLayerAndOfTheCapabilities() {
        assertThat(keysInSources()).contains(TlsSettings.KEYSTORE_KEY, RouterConfiguration.DATA_DIR_KEY,
                "admin.http", "registrar.min-expires", "database.pool-size", "socket.route-cache-ttl");
    }

    private Set<String> keysReadBySettings() {
        RouterConfiguration config = TestConfiguration.load(directory, EVERY_FEATURE);
        RegistrarSettings.from(config);
        AuthSettings.from(config, new DataDirectory(directory));
        LocationSettings.from(config);
        ProxySettings.from(config);
        AdminSettings.from(config, new DataDirectory(directory));
        SocketRules.from(config, Listeners.from(config));
        EventSettings.from(config);
        config.dataDirectory();
        // reads every tls.* key before it looks for TLS listeners; with none, no keystore is generated
        TlsSettings.resolve(config, List.of());
        return config.keysRead();
    }

    private static Set<String> keysInSources() {
        Set<String> keys = new TreeSet<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    addMatches(ACCESSOR_CALL.matcher(source), keys);
                    addMatches(KEY_CONSTANT.matcher(source), keys);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keys;
    }

    private static Set<String> documentedKeys() {
        try {
            Set<String> keys = new TreeSet<>();
            addMatches(DOCUMENTED.matcher(Files.readString(PROPERTIES)), keys);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addMatches(Matcher matcher, Set<String> keys) {
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
    }

    /** A dynamic name stands for its pattern: {@code listener.udp} for {@code listener.<name>}. */
    private static Set<String> normalised(Set<String> keys) {
        return keys.stream()
                .map(key -> key.replaceFirst("^" + Pattern.quote(SipListener.PREFIX) + "\\.[^.]+$",
                        SipListener.PREFIX + ".<name>"))
                .map(key -> key.replaceFirst("^" + Pattern.quote(SocketRules.PREFIX) + "\\.[^.]+\\.",
                        SocketRules.PREFIX + ".<name>."))
                .map(key -> key.replaceFirst("^" + Pattern.quote(EventSettings.DESTINATION_PREFIX) + "\\.[^.]+\\.",
                        EventSettings.DESTINATION_PREFIX + ".<name>."))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}

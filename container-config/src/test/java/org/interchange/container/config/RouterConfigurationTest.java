package org.interchange.container.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.interchange.container.config.ConfigurationFiles.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouterConfigurationTest {

    @TempDir
    Path directory;

    @Test
    void typedValuesAreRead() {
        RouterConfiguration config = load(directory, """
                registrar.min-expires = 120
                auth.register = no
                domains = example.com , , example.net
                admin.user = operator
                """);

        assertThat(config.integer("registrar.min-expires", 60, 1, 86400)).isEqualTo(120);
        assertThat(config.bool("auth.register", true)).isFalse();
        assertThat(config.list("domains", List.of())).containsExactly("example.com", "example.net");
        assertThat(config.string("admin.user", "admin")).isEqualTo("operator");
        assertThat(config.required("admin.user")).isEqualTo("operator");
    }

    @Test
    void unsetAndBlankKeysGiveTheFallback() {
        RouterConfiguration config = load(directory, """
                registrar.max-expires =
                """);

        assertThat(config.integer("registrar.max-expires", 3600, 1, 86400)).isEqualTo(3600);
        assertThat(config.integer("registrar.min-expires", 60, 1, 86400)).isEqualTo(60);
        assertThat(config.optional("registrar.max-expires")).isEmpty();
        assertThat(config.list("domains", List.of("fallback"))).containsExactly("fallback");
    }

    @Test
    void booleansAcceptTheUsualWords() {
        RouterConfiguration config = load(directory, """
                a = yes
                b = OFF
                c = 1
                d = False
                """);

        assertThat(List.of(config.bool("a", false), config.bool("b", true), config.bool("c", false),
                config.bool("d", true))).containsExactly(true, false, true, false);
    }

    @Test
    void badValueIsReportedWithFileLineKeyValueAndProblem() {
        RouterConfiguration config = load(directory, """
                # limits
                registrar.min-expires = abc
                """);

        assertThatThrownBy(() -> config.integer("registrar.min-expires", 60, 1, 86400))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(config.file() + ", line 2: registrar.min-expires = \"abc\": not an integer; expected 1..86400");
    }

    @Test
    void valueOutOfRangeIsReported() {
        RouterConfiguration config = load(directory, """
                registrar.max-contacts = 5000
                """);

        assertThatThrownBy(() -> config.integer("registrar.max-contacts", 10, 0, 1000))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(config.file() + ", line 1: registrar.max-contacts = \"5000\": out of range; expected 0..1000");
    }

    @Test
    void badBooleanIsReported() {
        RouterConfiguration config = load(directory, """
                auth.register = maybe
                """);

        assertThatThrownBy(() -> config.bool("auth.register", true))
                .hasMessageEndingWith("line 1: auth.register = \"maybe\": expected true or false");
    }

    @Test
    void badListItemIsReportedWithTheParsersExplanation() {
        RouterConfiguration config = load(directory, """
                ports = 5060, five
                """);

        assertThatThrownBy(() -> config.list("ports", List.of(), item -> {
            if (!item.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("'" + item + "' is not a port");
            }
            return Integer.valueOf(item);
        })).hasMessage(config.file() + ", line 1: ports = \"5060, five\": 'five' is not a port");
    }

    @Test
    void missingRequiredKeyIsReported() {
        RouterConfiguration config = load(directory, "");

        assertThatThrownBy(() -> config.required("database.url"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(config.file() + ": database.url is required but not set");
    }

    @Test
    void systemPropertyOverridesTheFile() {
        String key = "test.system-property-overrides-the-file";
        System.setProperty(key, "from system property");
        try {
            RouterConfiguration config = load(directory, key + " = from file\n");

            assertThat(config.string(key, "")).isEqualTo("from system property");
        } finally {
            System.clearProperty(key);
        }
    }

    @Test
    void badOverrideNamesItsSourceRatherThanTheFile() {
        String key = "test.bad-override-names-its-source";
        System.setProperty(key, "many");
        try {
            RouterConfiguration config = load(directory, key + " = 3\n");

            assertThatThrownBy(() -> config.integer(key, 1, 1, 10))
                    .hasMessageContaining("SysPropConfigSource: " + key + " = \"many\": not an integer")
                    .hasMessageNotContaining(config.file().toString());
        } finally {
            System.clearProperty(key);
        }
    }

    @Test
    void expressionsReferToOtherKeys() {
        RouterConfiguration config = load(directory, """
                base = /srv/interchange
                data.dir = ${base}/data
                """);

        assertThat(config.string("data.dir", "")).isEqualTo("/srv/interchange/data");
    }

    @Test
    void expressionsReferToSystemPropertiesWithAFallback() {
        RouterConfiguration config = load(directory, """
                data.dir = ${test.no-such-property:/var/lib/interchange}/data
                """);

        assertThat(config.string("data.dir", "")).isEqualTo("/var/lib/interchange/data");
    }

    @Test
    void expressionThatCannotBeExpandedIsReported() {
        RouterConfiguration config = load(directory, """
                data.dir = ${no.such.key}/data
                """);

        assertThatThrownBy(() -> config.string("data.dir", ""))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(config.file() + ", line 1: data.dir = \"${no.such.key}/data\": "
                        + "cannot expand it: a key or system property it refers to is not set");
    }

    @Test
    void misspeltKeyIsRejectedWithItsLine() {
        RouterConfiguration config = load(directory, """
                registrar.min-expires = 60

                registrar.max-expire = 7200
                """);
        config.integer("registrar.min-expires", 60, 1, 86400);
        config.integer("registrar.max-expires", 3600, 1, 86400);

        assertThatThrownBy(config::rejectUnreadKeys)
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(config.file() + ", line 3: registrar.max-expire: unknown key (misspelt, or not used by this version)");
    }

    @Test
    void keysReadOrAcknowledgedAreNotRejected() {
        RouterConfiguration config = load(directory, """
                registrar.min-expires = 60
                admin.http = 127.0.0.1:8088
                """);
        config.integer("registrar.min-expires", 60, 1, 86400);
        config.acknowledge("admin.http");

        config.rejectUnreadKeys();
    }

    @Test
    void namesUnderAPrefixKeepTheFileOrder() {
        RouterConfiguration config = load(directory, """
                listener.zeta = udp:127.0.0.1:5060
                listenerx.other = 1
                listener.alpha.extra = 1
                listener = not a name
                listener.mid = udp:127.0.0.1:5062
                listener.alpha = udp:127.0.0.1:5061
                """);

        assertThat(config.namesUnder("listener")).containsExactly("zeta", "alpha", "mid");
    }

    @Test
    void missingFileIsReportedAsSuch() {
        Path missing = directory.resolve("absent.properties");

        assertThatThrownBy(() -> RouterConfiguration.load(missing))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(missing + ": cannot read the configuration file (it does not exist)");
    }

    @Test
    void theDataDirectoryIsDataDirElseTheSystemPropertyElseDataUnderCatalinaBase() {
        RouterConfiguration config = load(directory, "data.dir = " + directory.resolve("elsewhere") + "\n");
        assertThat(config.dataDirectory()).contains(directory.resolve("elsewhere"));

        String property = System.getProperty("interchange.data");
        String base = System.getProperty("catalina.base");
        try {
            System.setProperty("interchange.data", directory.resolve("from-property").toString());
            assertThat(load(directory, "a = b\n").dataDirectory()).contains(directory.resolve("from-property"));

            System.clearProperty("interchange.data");
            System.setProperty("catalina.base", directory.resolve("base").toString());
            assertThat(load(directory, "a = b\n").dataDirectory()).contains(directory.resolve("base/data"));
        } finally {
            restore("interchange.data", property);
            restore("catalina.base", base);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    @Test
    void fileValuesAreTheFilesKeysInFileOrderWithoutCountingAsRead() {
        RouterConfiguration config = load(directory, """
                registrar.max-expires = 600
                domains = example.com
                """);

        assertThat(config.fileValues()).containsExactly(
                Map.entry("registrar.max-expires", "600"), Map.entry("domains", "example.com"));
        assertThatThrownBy(config::rejectUnreadKeys).hasMessageContaining("registrar.max-expires");
    }

    @Test
    void keysKnownElsewhereAreNotRefused() {
        RouterConfiguration config = load(directory, """
                registrar.max-expires = 600
                registrar.max-expire = 60
                """);

        assertThatThrownBy(() -> config.rejectUnreadKeys(Set.of("registrar.max-expires")))
                .hasMessageContaining("line 2: registrar.max-expire: unknown key")
                .hasMessageNotContaining("registrar.max-expires");
    }
}

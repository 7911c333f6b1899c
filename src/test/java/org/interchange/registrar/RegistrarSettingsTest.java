package org.interchange.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.interchange.container.config.InvalidConfigurationException;
import org.interchange.core.TestConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistrarSettingsTest {

    @TempDir
    Path directory;

    @Test
    void defaults() {
        assertThat(RegistrarSettings.from(TestConfiguration.load(directory, "")))
                .isEqualTo(new RegistrarSettings(60, 3600, 3600, 10));
    }

    @Test
    void defaultExpiresFollowsALowerMaximum() {
        assertThat(RegistrarSettings.from(TestConfiguration.load(directory, "registrar.max-expires = 600\n"))
                .defaultExpires()).isEqualTo(600);
    }

    @Test
    void maximumBelowMinimumIsRefused() {
        assertThatThrownBy(() -> RegistrarSettings.from(TestConfiguration.load(directory, """
                registrar.min-expires = 300
                registrar.max-expires = 120
                """)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageEndingWith("line 2: registrar.max-expires = \"120\": is below registrar.min-expires (300)");
    }

    @Test
    void defaultOutsideTheLimitsIsRefused() {
        assertThatThrownBy(() -> RegistrarSettings.from(TestConfiguration.load(directory, """
                registrar.default-expires = 30
                """)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("registrar.default-expires = \"30\": must lie between");
    }
}

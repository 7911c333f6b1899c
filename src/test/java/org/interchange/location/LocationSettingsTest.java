package org.interchange.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.interchange.container.config.InvalidConfigurationException;
import org.interchange.core.TestConfiguration;
import org.interchange.location.LocationSettings.DbMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocationSettingsTest {

    @TempDir
    Path directory;

    @Test
    void defaultsWriteBehindEverySecond() {
        assertThat(LocationSettings.from(TestConfiguration.load(directory, "")))
                .isEqualTo(new LocationSettings(Duration.ofSeconds(60), DbMode.WRITE_BEHIND, Duration.ofSeconds(1)));
    }

    @Test
    void writeThroughIsOneSettingAway() {
        assertThat(LocationSettings.from(TestConfiguration.load(directory, "location.db-mode = Write-Through\n"))
                .dbMode()).isEqualTo(DbMode.WRITE_THROUGH);
    }

    @Test
    void unknownModeIsRefusedNamingTheModes() {
        assertThatThrownBy(() -> LocationSettings.from(TestConfiguration.load(directory, "location.db-mode = 2\n")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageEndingWith("location.db-mode = \"2\": expected write-through or write-behind");
    }

    @Test
    void flushIntervalIsBounded() {
        assertThat(LocationSettings.from(TestConfiguration.load(directory, "location.flush-interval = 250\n"))
                .flushInterval()).isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> LocationSettings.from(TestConfiguration.load(directory,
                "location.flush-interval = 10\n")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("expected 100..60000");
    }
}

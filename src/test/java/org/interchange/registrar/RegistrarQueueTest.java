package org.interchange.registrar;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.interchange.container.config.InvalidConfigurationException;
import org.interchange.core.TestConfiguration;
import org.interchange.core.WorkQueues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistrarQueueTest {

    @TempDir
    Path directory;

    @Test
    void threadsOutOfRangeAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> new RegistrarQueue(TestConfiguration.load(directory, "registrar.threads = 0\n"),
                new WorkQueues()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("line 1: registrar.threads");
    }

    @Test
    void queueSizeOutOfRangeIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new RegistrarQueue(TestConfiguration.load(directory, "registrar.queue-size = 0\n"),
                new WorkQueues()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("line 1: registrar.queue-size");
    }
}

package org.interchange.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SIP server id is generated once into the data directory and is the same at every later start. */
class StableServerIdDispatcherTest {

    @Test
    void theIdGeneratedAtTheFirstStartIsReadAtTheNext(@TempDir Path data) {
        Path file = data.resolve("nested").resolve(StableServerIdDispatcher.FILE);

        String first = StableServerIdDispatcher.serverId(file);
        String second = StableServerIdDispatcher.serverId(file);

        assertThat(first).isNotBlank().isEqualTo(second);
        assertThat(StableServerIdDispatcher.serverId(data.resolve("other"))).isNotEqualTo(first);
    }
}

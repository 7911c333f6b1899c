package org.interchange.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SIP server id is generated once into the data directory and is the same at every later start. */
class RestartProofDispatcherTest {

    @Test
    void theIdGeneratedAtTheFirstStartIsReadAtTheNext(@TempDir Path data) {
        Path file = data.resolve("nested").resolve(RestartProofDispatcher.FILE);

        String first = RestartProofDispatcher.serverId(file);
        String second = RestartProofDispatcher.serverId(file);

        assertThat(first).isNotBlank().isEqualTo(second);
        assertThat(RestartProofDispatcher.serverId(data.resolve("other"))).isNotEqualTo(first);
    }
}

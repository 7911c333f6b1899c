package org.interchange.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.interchange.container.config.HostPort;
import org.interchange.container.config.InvalidConfigurationException;
import org.interchange.container.config.RouterConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminListenersTest {

    @TempDir
    Path directory;

    @Test
    void byDefaultHttpOnLoopbackAndNoHttps() throws IOException {
        AdminListeners admin = AdminListeners.from(load("listener.udp = udp:127.0.0.1:5060\n"));

        assertThat(admin.http()).contains(HostPort.parse("127.0.0.1:8088"));
        assertThat(admin.https()).isEmpty();
    }

    @Test
    void offClosesEither() throws IOException {
        AdminListeners admin = AdminListeners.from(load("admin.http = off\nadmin.https = 127.0.0.1:8443\n"));

        assertThat(admin.http()).isEmpty();
        assertThat(admin.https()).isEqualTo(Optional.of(HostPort.parse("127.0.0.1:8443")));
        assertThat(admin).hasToString("https://127.0.0.1:8443");
    }

    @Test
    void anAddressWithoutPortStopsTheStartNamingFileLineAndKey() throws IOException {
        RouterConfiguration config = load("admin.http = off\nadmin.https = 127.0.0.1\n");

        assertThatThrownBy(() -> AdminListeners.from(config)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("interchange.properties, line 2: admin.https = \"127.0.0.1\": needs a port");
    }

    private RouterConfiguration load(String properties) throws IOException {
        return RouterConfiguration.load(Files.writeString(directory.resolve("interchange.properties"), properties));
    }
}

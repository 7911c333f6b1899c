package org.interchange.container.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.interchange.container.config.InvalidConfigurationException;
import org.interchange.container.config.RouterConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DnsSettingsTest {

    @TempDir
    Path directory;

    @Test
    void serversTakePort53UnlessTheyNameOne() throws IOException {
        DnsSettings settings = DnsSettings.from(config("dns.servers = 192.0.2.53, [2001:db8::53]:5353\n"));

        assertThat(settings.servers()).containsExactly(new InetSocketAddress("192.0.2.53", 53),
                new InetSocketAddress("2001:db8::53", 5353));
    }

    @Test
    void theDefaultsAreTheSystemsResolversAndTheDocumentedLimits() throws IOException {
        DnsSettings settings = DnsSettings.from(config("domains = example.com\n"));

        assertThat(settings.servers()).isEqualTo(DnsSettings.systemServers());
        assertThat(settings).extracting(DnsSettings::queryTimeout, DnsSettings::budget, DnsSettings::cacheSize,
                DnsSettings::negativeTtl, DnsSettings::maxLookups, DnsSettings::maxWaiting)
                .containsExactly(Duration.ofMillis(1500), Duration.ofMillis(4000), 10_000, Duration.ofSeconds(10), 200, 4);
    }

    @Test
    void aServerThatIsNotAnAddressStopsTheStartNamingLineAndKey() throws IOException {
        RouterConfiguration config = config("domains = example.com\ndns.servers = resolver.example.com\n");

        assertThatThrownBy(() -> DnsSettings.from(config)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("line 2: dns.servers")
                .hasMessageContaining("'resolver.example.com' is not an IP address");
    }

    @Test
    void aBudgetShorterThanOneQueryIsRefused() throws IOException {
        RouterConfiguration config = config("dns.timeout = 2000\ndns.budget = 1000\n");

        assertThatThrownBy(() -> DnsSettings.from(config)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("dns.budget").hasMessageContaining("shorter than dns.timeout");
    }

    private RouterConfiguration config(String properties) throws IOException {
        Path file = Files.writeString(directory.resolve("interchange.properties"), properties);
        return RouterConfiguration.load(file);
    }
}

package org.interchange.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.interchange.container.config.InvalidConfigurationException;
import org.interchange.container.config.IpAddresses;
import org.interchange.core.DataDirectory;
import org.interchange.core.TestConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthSettingsTest {

    @TempDir
    Path directory;

    @Test
    void defaults() {
        AuthSettings settings = AuthSettings.from(TestConfiguration.load(directory, ""), data());

        assertThat(settings.register()).isTrue();
        assertThat(settings.methods()).containsExactlyInAnyOrder("INVITE", "MESSAGE", "SUBSCRIBE", "PUBLISH", "REFER");
        // MD5 alone: clients on libre 1.x (Debian 12 baresip) fail on any challenge they do not know
        assertThat(settings.algorithms()).containsExactly(DigestAlgorithm.MD5);
        assertThat(settings.nonceLifetime()).isEqualTo(Duration.ofSeconds(300));
        assertThat(settings.trustedNetworks()).isEmpty();
        assertThat(settings.subscriberRefresh()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void noneMeansNoMethodIsChallenged() {
        assertThat(AuthSettings.from(TestConfiguration.load(directory, "auth.methods = none\n"), data()).methods()).isEmpty();
    }

    @Test
    void methodsAreUpperCase() {
        assertThat(AuthSettings.from(TestConfiguration.load(directory, "auth.methods = invite, message\n"), data()).methods())
                .containsExactlyInAnyOrder("INVITE", "MESSAGE");
    }

    @Test
    void trustedNetworksDecideTrust() {
        AuthSettings settings = AuthSettings.from(TestConfiguration.load(directory,
                "auth.trusted-networks = 10.0.0.0/8, 2001:db8::/32\n"), data());

        assertThat(settings.isTrusted(IpAddresses.parseLiteral("10.1.2.3").orElseThrow())).isTrue();
        assertThat(settings.isTrusted(IpAddresses.parseLiteral("2001:db8::9").orElseThrow())).isTrue();
        assertThat(settings.isTrusted(IpAddresses.parseLiteral("198.51.100.7").orElseThrow())).isFalse();
    }

    @Test
    void unknownAlgorithmIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> AuthSettings.from(TestConfiguration.load(directory, "auth.algorithms = SHA-1, MD5\n"), data()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageEndingWith("auth.algorithms = \"SHA-1, MD5\": unknown algorithm 'SHA-1'; expected SHA-256, "
                        + "SHA-512-256 or MD5");
    }

    @Test
    void repeatedAlgorithmsAreOfferedOnce() {
        assertThat(AuthSettings.from(TestConfiguration.load(directory, "auth.algorithms = MD5, md5, SHA-256\n"), data())
                .algorithms()).isEqualTo(List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256));
    }

    @Test
    void withoutASecretOneIsGeneratedOnceIntoAnOwnerOnlyFile() throws IOException {
        String first = AuthSettings.from(TestConfiguration.load(directory, ""), data()).secret();
        String second = AuthSettings.from(TestConfiguration.load(directory, ""), data()).secret();

        assertThat(first).hasSizeGreaterThanOrEqualTo(32).isEqualTo(second);
        Path file = directory.resolve("data").resolve("nonce-secret");
        assertThat(Files.readString(file).trim()).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void configuredSecretIsUsedAndNothingIsGenerated() {
        AuthSettings settings = AuthSettings.from(TestConfiguration.load(directory, "auth.secret = shared\n"), data());

        assertThat(settings.secret()).isEqualTo("shared");
        assertThat(directory.resolve("data").resolve("nonce-secret")).doesNotExist();
        assertThat(settings.toString()).doesNotContain("shared");
    }

    @Test
    void subscriberRefreshIsReadInSeconds() {
        assertThat(AuthSettings.from(TestConfiguration.load(directory, "auth.subscriber-refresh = 5\n"), data())
                .subscriberRefresh()).isEqualTo(Duration.ofSeconds(5));
    }

    private DataDirectory data() {
        return new DataDirectory(directory.resolve("data"));
    }
}

package org.interchange.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.interchange.container.config.InvalidConfigurationException;
import org.interchange.core.TestConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthSettingsTest {

    @TempDir
    Path directory;

    @Test
    void defaults() {
        AuthSettings settings = AuthSettings.from(TestConfiguration.load(directory, ""));

        assertThat(settings.register()).isTrue();
        assertThat(settings.methods()).containsExactlyInAnyOrder("INVITE", "MESSAGE", "SUBSCRIBE", "PUBLISH", "REFER");
        // MD5 alone: clients on libre 1.x (Debian 12 baresip) fail on any challenge they do not know
        assertThat(settings.algorithms()).containsExactly(DigestAlgorithm.MD5);
        assertThat(settings.nonceLifetime()).isEqualTo(Duration.ofSeconds(300));
        assertThat(settings.trustedNetworks()).isEmpty();
        assertThat(settings.secret()).isEmpty();
    }

    @Test
    void noneMeansNoMethodIsChallenged() {
        assertThat(AuthSettings.from(TestConfiguration.load(directory, "auth.methods = none\n")).methods()).isEmpty();
    }

    @Test
    void methodsAreUpperCase() {
        assertThat(AuthSettings.from(TestConfiguration.load(directory, "auth.methods = invite, message\n")).methods())
                .containsExactlyInAnyOrder("INVITE", "MESSAGE");
    }

    @Test
    void trustedNetworksDecideTrust() {
        AuthSettings settings = AuthSettings.from(TestConfiguration.load(directory,
                "auth.trusted-networks = 10.0.0.0/8, 2001:db8::/32\n"));

        assertThat(settings.isTrusted("10.1.2.3")).isTrue();
        assertThat(settings.isTrusted("2001:db8::9")).isTrue();
        assertThat(settings.isTrusted("198.51.100.7")).isFalse();
    }

    @Test
    void unknownAlgorithmIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> AuthSettings.from(TestConfiguration.load(directory, "auth.algorithms = SHA-1, MD5\n")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageEndingWith("auth.algorithms = \"SHA-1, MD5\": unknown algorithm 'SHA-1'; expected SHA-256, "
                        + "SHA-512-256 or MD5");
    }

    @Test
    void repeatedAlgorithmsAreOfferedOnce() {
        assertThat(AuthSettings.from(TestConfiguration.load(directory, "auth.algorithms = MD5, md5, SHA-256\n"))
                .algorithms()).isEqualTo(List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256));
    }
}

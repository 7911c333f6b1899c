package org.interchange.container.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedKeystoreTest {

    /** One keystore generated for the class: keytool takes a second. */
    @TempDir
    static Path shared;

    static SelfSignedKeystore.Generated generated;

    @TempDir
    Path directory;

    @BeforeAll
    static void generate() {
        generated = new SelfSignedKeystore(shared.resolve("tls"))
                .ensure(List.of("sip.example.com", "127.0.0.1", "::1", "not a host!", "127.0.0.1"));
    }

    @Test
    void theKeystoreHoldsAnEcKeyWhoseCertificateNamesTheHosts() throws Exception {
        KeyStore store = load(generated.keystore(), generated.password());

        assertThat(store.getType()).isEqualTo("PKCS12");
        assertThat(store.isKeyEntry(SelfSignedKeystore.ALIAS)).isTrue();
        assertThat(store.getKey(SelfSignedKeystore.ALIAS, generated.password().toCharArray()).getAlgorithm())
                .isEqualTo("EC");
        X509Certificate certificate = (X509Certificate) store.getCertificate(SelfSignedKeystore.ALIAS);
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=sip.example.com");
        assertThat(certificate.getSubjectAlternativeNames()).extracting(name -> (Object) name.get(1))
                .containsExactly((Object) "sip.example.com", "127.0.0.1", "0:0:0:0:0:0:0:1");
        certificate.checkValidity();
    }

    @Test
    void keystoreAndPasswordAreTheOwnersOnly() throws IOException {
        Path directory = generated.keystore().getParent();

        assertThat(generated.created()).isTrue();
        assertThat(generated.keystore()).isEqualTo(shared.resolve("tls/interchange.p12"));
        assertThat(Files.readString(directory.resolve("interchange.p12.password")).strip())
                .isEqualTo(generated.password()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(generated.keystore())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                directory.resolve("interchange.p12.password")))).isEqualTo("rw-------");
        try (var files = Files.list(directory)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("interchange.p12", "interchange.p12.password");
        }
    }

    @Test
    void aLaterStartReusesTheKeystore() throws IOException {
        byte[] before = Files.readAllBytes(generated.keystore());

        SelfSignedKeystore.Generated again = new SelfSignedKeystore(shared.resolve("tls")).ensure(List.of("10.0.0.9"));

        assertThat(again.created()).isFalse();
        assertThat(again.password()).isEqualTo(generated.password());
        assertThat(Files.readAllBytes(again.keystore())).isEqualTo(before);
    }

    @Test
    void hostsTheCertificateDoesNotNameAreFound() {
        assertThat(SelfSignedKeystore.notNamedBy(generated.keystore(), generated.password(),
                List.of("127.0.0.1", "[::1]", "SIP.example.com", "127.0.0.2", "other.example.com")))
                .containsExactly("127.0.0.2", "other.example.com");
    }

    @Test
    void aKeystoreWhosePasswordFileIsGoneIsNotOverwritten() throws IOException {
        Files.createDirectories(directory.resolve("tls"));
        Files.writeString(directory.resolve("tls/interchange.p12"), "a keystore");

        assertThatThrownBy(() -> new SelfSignedKeystore(directory.resolve("tls")).ensure(List.of("127.0.0.1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("interchange.p12.password is missing")
                .hasMessageContaining("delete the keystore to generate a new one");
        assertThat(Files.readString(directory.resolve("tls/interchange.p12"))).isEqualTo("a keystore");
    }

    @Test
    void aFailingKeytoolFailsWithItsOutputAndLeavesNoKeystore() throws IOException {
        Path keytool = script("echo 'keytool error: something broke' >&2\nexit 3\n");

        assertThatThrownBy(() -> new SelfSignedKeystore(directory.resolve("tls"), keytool, Duration.ofSeconds(30))
                .ensure(List.of("127.0.0.1")))
                .hasMessageContaining("keytool failed (exit status 3): keytool error: something broke");
        assertThat(directory.resolve("tls/interchange.p12")).doesNotExist();
        assertThat(directory.resolve("tls/interchange.p12.password")).doesNotExist();
    }

    @Test
    void aKeytoolThatHangsIsStoppedAfterTheTimeout() throws IOException {
        Path keytool = script("exec sleep 60\n");

        assertThatThrownBy(() -> new SelfSignedKeystore(directory.resolve("tls"), keytool, Duration.ofSeconds(1))
                .ensure(List.of("127.0.0.1")))
                .hasMessageContaining("keytool did not finish within 1 s");
        assertThat(directory.resolve("tls/interchange.p12")).doesNotExist();
    }

    @Test
    void aMissingKeytoolSaysToNameAKeystore() {
        assertThatThrownBy(() -> new SelfSignedKeystore(directory.resolve("tls"), directory.resolve("no-keytool"),
                Duration.ofSeconds(1)).ensure(List.of("127.0.0.1")))
                .hasMessageContaining("keytool is not at").hasMessageContaining("tls.keystore");
    }

    @Test
    void onlyAddressesAndDnsNamesGoIntoTheCertificate() {
        assertThat(SelfSignedKeystore.certificateNames(List.of("sip.example.com", "2001:db8::4", "bad name",
                "-bad.example.com", "sip.example.com", "198.51.100.7")))
                .containsExactly("sip.example.com", "2001:db8::4", "198.51.100.7");
    }

    private Path script(String body) throws IOException {
        Path script = directory.resolve("keytool");
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    static KeyStore load(Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}

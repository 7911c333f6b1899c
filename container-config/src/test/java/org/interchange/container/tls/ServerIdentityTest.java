package org.interchange.container.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates made by the JDK's keytool, as a TLS server would serve them; RFC 5922 7.1 and 7.2. */
class ServerIdentityTest {

    @TempDir
    Path directory;

    @Test
    void aDnsNameMatchesExactlyIgnoringCase() throws Exception {
        ServerIdentity identity = identity("CN=proxy", "dns:Proxy.Example.com");

        assertThat(identity.names("proxy.example.com")).isTrue();
        assertThat(identity.names("PROXY.example.COM")).isTrue();
        assertThat(identity.names("example.com")).isFalse();
        assertThat(identity.names("a.proxy.example.com")).isFalse();
    }

    @Test
    void aSipUriWithoutUserNamesItsDomain() throws Exception {
        ServerIdentity identity = identity("CN=proxy", "uri:sip:example.com,uri:sip:alice@example.org");

        assertThat(identity.names("example.com")).isTrue();
        assertThat(identity.names("example.org")).as("a URI with a user names a user, not a server").isFalse();
    }

    @Test
    void aWildcardNamesNothing() throws Exception {
        ServerIdentity identity = identity("CN=proxy", "dns:*.example.com");

        assertThat(identity.names("sip.example.com")).isFalse();
    }

    @Test
    void theCommonNameCountsOnlyWithoutNamesInTheAlternatives() throws Exception {
        assertThat(identity("CN=sip.example.com", null).names("sip.example.com")).isTrue();
        assertThat(identity("CN=sip.example.com", "ip:192.0.2.7").names("sip.example.com")).isTrue();
        assertThat(identity("CN=sip.example.com", "dns:other.example.com").names("sip.example.com")).isFalse();
    }

    @Test
    void anAddressMatchesOnlyAnIpAddressAlternative() throws Exception {
        ServerIdentity identity = identity("CN=192.0.2.8", "ip:192.0.2.7,ip:2001:db8::1,dns:192.0.2.9");

        assertThat(identity.names("192.0.2.7")).isTrue();
        assertThat(identity.names("2001:db8:0:0:0:0:0:1")).isTrue();
        assertThat(identity.names("[2001:db8::1]")).isTrue();
        assertThat(identity.names("192.0.2.8")).as("the CN is no address").isFalse();
        assertThat(identity.names("192.0.2.9")).as("neither is a DNS name").isFalse();
    }

    @Test
    void theLogShowsWhatTheCertificateNames() throws Exception {
        assertThat(identity("CN=x", "dns:a.example.com,ip:192.0.2.7").toString())
                .isEqualTo("a.example.com, 192.0.2.7");
    }

    private ServerIdentity identity(String subject, String alternatives) throws Exception {
        return ServerIdentity.of(certificate(directory, subject, alternatives));
    }

    /** A self-signed EC certificate by keytool, with {@code alternatives} as its SAN extension when not null. */
    static X509Certificate certificate(Path directory, String subject, String alternatives) throws Exception {
        Path keystore = directory.resolve("k" + System.nanoTime() + ".p12");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-noprompt",
                "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", subject, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "secret"));
        if (alternatives != null) {
            command.addAll(List.of("-ext", "SAN=" + alternatives));
        }
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("keytool.log").toFile()).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(keytool.exitValue()).as("keytool's exit status").isZero();
        KeyStore store = KeyStore.getInstance(keystore.toFile(), "secret".toCharArray());
        return (X509Certificate) store.getCertificate("server");
    }
}

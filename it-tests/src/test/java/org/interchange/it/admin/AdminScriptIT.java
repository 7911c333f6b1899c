package org.interchange.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.interchange.it.support.AdminScript;
import org.interchange.it.support.AdminScript.Run;
import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.WorkDirectory;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.Subscriber;
import org.interchange.it.support.sip.Transport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An operator adds subscribers with {@code bin/interchange-admin} on a machine other users share: the password they
 * type, pipe or keep in a file, and the admin password, never show in {@code ps} or in the shell's history, and a
 * password of any characters arrives as it was written, so that the phone then registers with it. OpenSIPS's
 * {@code opensips-cli} likewise asks for passwords rather than taking them as arguments.
 *
 * <p>Every command the script runs ({@code curl}, {@code jq}, {@code mktemp}, {@code cat}, {@code sed}) is first on
 * PATH as a shim that records its arguments and runs the real one: the records must hold no password.
 */
@ExtendWith(ArquillianExtension.class)
class AdminScriptIT {

    private static final List<String> RECORDED_COMMANDS = List.of("curl", "mktemp", "cat", "sed", "jq");
    /** Quotes, backslashes, spaces, a tab and non-ASCII letters: what string splicing and argv quoting break. */
    private static final String AWKWARD_PASSWORD = "qu\"o'te \\ back\\\\slash\tünï€ode {\"x\":1}";
    private static final AtomicInteger USERS = new AtomicInteger();

    @Deployment(testable = false)
    @TargetsContainer("admin")
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    @Test
    void aPasswordFromStandardInputRegistersThePhoneAndIsOnNoCommandLine() throws Exception {
        Path work = WorkDirectory.named("admin-script/stdin");
        Subscriber alice = new Subscriber("alice-" + USERS.incrementAndGet(), router.domain(), AWKWARD_PASSWORD);

        Run run = script(work, Map.of("INTERCHANGE_ADMIN_PASSWORD", router.setting("admin.password")),
                AWKWARD_PASSWORD, "user", "add", "--password-stdin", alice.aor());

        assertThat(run.status()).as("exit status; output:%n%s", run.all()).isZero();
        assertThat(run.commandLines()).as("the commands the script ran").anyMatch(line -> line.startsWith("curl "));
        assertNoPasswordIn(run, AWKWARD_PASSWORD, router.setting("admin.password"));
        assertRegisters(alice);
    }

    @Test
    void aPasswordFileAndTheDataDirectorysAdminPasswordWorkOverHttps() throws Exception {
        Path work = WorkDirectory.named("admin-script/file-https");
        // a user part that must be percent-encoded in the path: '+' and '&'
        Subscriber bob = new Subscriber("bob+1&co-" + USERS.incrementAndGet(), router.domain(), AWKWARD_PASSWORD);
        Path passwordFile = privateFile(work.resolve("bob.password"), AWKWARD_PASSWORD + "\n");
        Path data = Files.createDirectories(work.resolve("data"));
        privateFile(data.resolve("admin-password"), router.setting("admin.password") + "\n");

        Run run = script(work, Map.of("INTERCHANGE_DATA", data.toString(),
                        "INTERCHANGE_ADMIN_URL", "https://" + router.setting("admin.https") + "/interchange/api",
                        "INTERCHANGE_ADMIN_CACERT", routerCertificate(work).toString()),
                "", "user", "add", "--password-file", passwordFile.toString(), bob.aor());

        assertThat(run.status()).as("exit status; output:%n%s", run.all()).isZero();
        assertNoPasswordIn(run, AWKWARD_PASSWORD, router.setting("admin.password"));
        assertRegisters(bob);
    }

    @Test
    void aPasswordGivenAsAnArgumentIsRefusedBeforeAnythingIsSent() throws Exception {
        Path work = WorkDirectory.named("admin-script/argument");

        Run run = script(work, Map.of("INTERCHANGE_ADMIN_PASSWORD", router.setting("admin.password")), "",
                "user", "add", "carol-" + USERS.incrementAndGet() + "@" + router.domain(), "secret");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.all()).contains("--password-stdin", "--password-file");
        assertThat(run.commandLines()).noneMatch(line -> line.startsWith("curl "));
    }

    @Test
    void statusLogLevelsReloadAndTheMiFromTheShell() throws Exception {
        Path work = WorkDirectory.named("admin-script/operations");
        Map<String, String> credentials = Map.of("INTERCHANGE_ADMIN_PASSWORD", router.setting("admin.password"));

        assertThat(script(work, credentials, "", "--json", "status").output()).contains("\"uptime_seconds\"", "\"listeners\"");
        assertThat(script(work, credentials, "", "--json", "log-level", "set", "org.interchange.it.script", "DEBUG").output())
                .contains("\"level\":\"DEBUG\"");
        assertThat(script(work, credentials, "", "--json", "log-level", "list").output())
                .contains("\"org.interchange.it.script\":\"DEBUG\"");
        assertThat(script(work, credentials, "", "--json", "reload").output()).contains("\"changed\":{}");
        assertThat(script(work, credentials, "", "--json", "mi", "which").output()).contains("\"ul_dump\"");
        Run missing = script(work, credentials, "", "--json", "mi", "ul_show_contact", "location", "nobody@" + router.domain());
        assertThat(missing.all()).contains("\"code\":404", "AOR not found");
        assertNoPasswordIn(missing, router.setting("admin.password"));
    }

    private void assertRegisters(Subscriber subscriber) {
        try (SipAgent phone = router.agent(Transport.UDP, subscriber)) {
            assertThat(phone.register().status()).as("REGISTER of %s with the password the script set",
                    subscriber.aor()).isEqualTo(200);
        }
    }

    private static void assertNoPasswordIn(Run run, String... passwords) {
        for (String line : run.commandLines()) {
            for (String password : passwords) {
                assertThat(line).as("a command line of the script").doesNotContain(password)
                        .doesNotContain(password.replace("\\", "\\\\").replace("\"", "\\\""));
            }
        }
    }

    private Run script(Path work, Map<String, String> environment, String stdin, String... arguments)
            throws IOException, InterruptedException {
        return new AdminScript(router, work, RECORDED_COMMANDS).run(environment, stdin, arguments);
    }

    /** The router's generated certificate as PEM, for curl to trust. */
    private Path routerCertificate(Path work) throws Exception {
        Path tls = router.data().resolve("tls");
        char[] password = Files.readString(tls.resolve("interchange.p12.password")).strip().toCharArray();
        KeyStore store = KeyStore.getInstance(tls.resolve("interchange.p12").toFile(), password);
        byte[] der = store.getCertificate(store.aliases().nextElement()).getEncoded();
        return Files.writeString(work.resolve("router.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n");
    }

    private static Path privateFile(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}

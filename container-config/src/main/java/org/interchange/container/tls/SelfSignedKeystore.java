package org.interchange.container.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.interchange.container.config.IpAddresses;

/**
 * The self-signed keystore the router makes for its TLS listeners when the configuration names none: a PKCS12 file
 * with one EC (P-256) key and its certificate, valid ten years, whose subject alternative names are the listeners'
 * addresses and advertised hosts, and a generated password in a file beside it. Both are readable by their owner
 * only (in a directory only the owner can enter), made once and reused at every start after.
 *
 * <p>The JDK has no public API to issue a certificate; its {@code keytool} does, run here as a child process that
 * must finish within a bounded time. Its password travels in the child's environment, not on its command line.
 */
final class SelfSignedKeystore {

    static final String KEYSTORE_FILE = "interchange.p12";
    static final String PASSWORD_FILE = "interchange.p12.password";
    static final String ALIAS = "interchange";
    static final Duration KEYTOOL_TIMEOUT = Duration.ofSeconds(60);
    static final int VALIDITY_DAYS = 3650;

    private static final String PASSWORD_VARIABLE = "INTERCHANGE_KEYSTORE_PASSWORD";
    /** What a host may be to be named in the certificate: an IP address or a DNS name. */
    private static final Pattern DNS_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    /** A keystore ready to use, and whether this start generated it. */
    record Generated(Path keystore, String password, boolean created) {
        @Override
        public String toString() {
            return "Generated[" + keystore + (created ? ", created" : ", reused") + "]";
        }
    }

    private final Path directory;
    private final Path keytool;
    private final Duration timeout;

    /** In {@code directory}, with the running JDK's keytool. */
    SelfSignedKeystore(Path directory) {
        this(directory, Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").startsWith("Windows") ? "keytool.exe" : "keytool"), KEYTOOL_TIMEOUT);
    }

    SelfSignedKeystore(Path directory, Path keytool, Duration timeout) {
        this.directory = directory;
        this.keytool = keytool;
        this.timeout = timeout;
    }

    Path keystore() {
        return directory.resolve(KEYSTORE_FILE);
    }

    Path passwordFile() {
        return directory.resolve(PASSWORD_FILE);
    }

    /**
     * The keystore of an earlier start, or a new one for {@code hosts} (addresses and names; the first is also the
     * certificate's CN).
     *
     * @throws IllegalStateException when it cannot be made or its password is missing
     */
    Generated ensure(List<String> hosts) {
        Path keystore = keystore();
        Path passwordFile = passwordFile();
        if (Files.exists(keystore)) {
            if (!Files.isReadable(passwordFile)) {
                throw new IllegalStateException(keystore + " was generated earlier but its password file " + passwordFile
                        + " is missing: delete the keystore to generate a new one, or name a keystore in tls.keystore");
            }
            try {
                return new Generated(keystore, Files.readString(passwordFile, StandardCharsets.UTF_8).strip(), false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + passwordFile, e);
            }
        }
        List<String> names = certificateNames(hosts);
        if (names.isEmpty()) {
            throw new IllegalStateException("no address or host name to put in a certificate among " + hosts);
        }
        String password = newPassword();
        try {
            createPrivateDirectory(directory);
            Path unfinished = directory.resolve(KEYSTORE_FILE + ".new");
            Files.deleteIfExists(unfinished);
            runKeytool(unfinished, names, password);
            restrictToOwner(unfinished);
            writePrivately(passwordFile, password + "\n");
            move(unfinished, keystore);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate a keystore in " + directory + ": " + e.getMessage(), e);
        }
        return new Generated(keystore, password, true);
    }

    /**
     * The hosts among {@code hosts} that the certificate of a keystore does not name (as an IP address or DNS subject
     * alternative name): a listener added or advertised after the keystore was generated.
     */
    static List<String> notNamedBy(Path keystore, String password, List<String> hosts) {
        Set<String> named = new LinkedHashSet<>();
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            Certificate certificate = store.getCertificate(ALIAS);
            if (certificate instanceof X509Certificate x509) {
                Collection<List<?>> alternatives = Optional.ofNullable(x509.getSubjectAlternativeNames())
                        .orElse(Collections.emptyList());
                for (List<?> name : alternatives) {
                    named.add(normalised(String.valueOf(name.get(1))));
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            return List.copyOf(hosts);
        }
        return hosts.stream().filter(host -> !named.contains(normalised(host))).toList();
    }

    /** The hosts a certificate can name, without duplicates, in order. */
    static List<String> certificateNames(List<String> hosts) {
        Set<String> names = new LinkedHashSet<>();
        for (String host : hosts) {
            if (IpAddresses.parseLiteral(host).isPresent() || DNS_NAME.matcher(host).matches()) {
                names.add(host);
            }
        }
        return List.copyOf(names);
    }

    private void runKeytool(Path target, List<String> names, String password) throws IOException {
        if (!Files.isExecutable(keytool)) {
            throw new IOException("the JDK's keytool is not at " + keytool + ", so no self-signed keystore can be"
                    + " generated: name a keystore in tls.keystore");
        }
        List<String> alternatives = new ArrayList<>();
        for (String name : names) {
            alternatives.add((IpAddresses.parseLiteral(name).isPresent() ? "ip:" : "dns:") + name);
        }
        List<String> command = List.of(keytool.toString(), "-genkeypair", "-noprompt",
                "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", "CN=" + names.get(0), "-ext", "SAN=" + String.join(",", alternatives),
                "-validity", String.valueOf(VALIDITY_DAYS),
                "-storetype", "PKCS12", "-keystore", target.toString(), "-storepass:env", PASSWORD_VARIABLE);
        Path output = Files.createTempFile(directory, "keytool", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().put(PASSWORD_VARIABLE, password);
            Process process = builder.start();
            process.getOutputStream().close(); // a prompt reads end-of-file, not a wait
            boolean finished;
            try {
                finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while keytool generated the keystore", e);
            }
            if (!finished) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish within " + timeout.toSeconds() + " s: "
                        + Files.readString(output).strip());
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(target)) {
                throw new IOException("keytool failed (exit status " + process.exitValue() + "): "
                        + Files.readString(output).strip());
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String newPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static void createPrivateDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Files.createDirectories(directory.getParent());
        try {
            if (isPosix(directory.getParent())) {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            } else {
                Files.createDirectory(directory);
            }
        } catch (FileAlreadyExistsException e) {
            // made meanwhile
        }
    }

    /** Writes a file that is never readable by others, not even for a moment. */
    private static void writePrivately(Path file, String content) throws IOException {
        Path unfinished = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(unfinished);
        if (isPosix(file.getParent())) {
            Files.createFile(unfinished, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        } else {
            Files.createFile(unfinished);
        }
        Files.writeString(unfinished, content, StandardCharsets.UTF_8);
        move(unfinished, file);
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (isPosix(file)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** An IP address in one canonical form, a name in lower case. */
    private static String normalised(String host) {
        Optional<InetAddress> address = IpAddresses.parseLiteral(host);
        return address.map(InetAddress::getHostAddress).orElse(host.toLowerCase(java.util.Locale.ROOT));
    }
}

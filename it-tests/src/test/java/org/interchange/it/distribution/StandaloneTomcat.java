package org.interchange.it.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.interchange.it.support.ChildProcess;
import org.interchange.it.support.RouterEnvironment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The distribution installed as an operator installs Tomcat: its archive unpacked with {@code tar}, the WAR where
 * the archive put it ({@code webapps/interchange.war}), ports set in {@code conf/server.xml} and
 * {@code conf/interchange.properties}, and run in the foreground with {@code bin/catalina.sh run}, its console in
 * {@code logs/catalina.out}.
 */
final class StandaloneTomcat {

    private static final Duration UNPACK_TIMEOUT = Duration.ofSeconds(60);
    /** {@code listener.<name> = <transport>:<address>:<port>}, the port in group 2. */
    private static final String LISTENER = "^(listener\\.%s\\s*=\\s*\\w+:(?:\\[[^\\]]*\\]|[^\\s:]+):)(\\d+)";
    private static final Pattern ADMIN_HTTP = Pattern.compile("^(admin\\.http\\s*=\\s*)\\S+", Pattern.MULTILINE);

    private final Path home;

    private StandaloneTomcat(Path home) {
        this.home = home;
    }

    /**
     * Unpacks the archive into an empty directory: {@code tar xzf <archive> -C <directory>}.
     *
     * @return the installation, the one directory the archive holds ({@code interchange-<version>})
     */
    static StandaloneTomcat unpack(Path archive, Path directory) throws IOException, InterruptedException {
        try (ChildProcess tar = ChildProcess.start(
                new ProcessBuilder("tar", "xzf", archive.toString(), "-C", directory.toString()),
                directory.resolve("unpack.log"))) {
            OptionalInt status = tar.awaitExit(UNPACK_TIMEOUT);
            if (status.isEmpty() || status.getAsInt() != 0) {
                throw new AssertionError("cannot unpack " + archive + " (" + tar + "): " + tar.output());
            }
        }
        try (Stream<Path> entries = Files.list(directory)) {
            List<Path> installations = entries.filter(Files::isDirectory).toList();
            if (installations.size() != 1) {
                throw new AssertionError(archive + " should unpack into one directory, not " + installations);
            }
            return new StandaloneTomcat(installations.get(0));
        }
    }

    Path webapps() {
        return home.resolve("webapps");
    }

    Path serverXml() {
        return home.resolve("conf").resolve("server.xml");
    }

    Path configuration() {
        return home.resolve("conf").resolve("interchange.properties");
    }

    /** The shutdown port of {@code server.xml} ({@code <Server port>}), as shipped or as set. */
    String shutdownPort() throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(serverXml().toFile())
                .getDocumentElement().getAttribute("port");
    }

    /**
     * Moves every port into the test's own range, in both files: the SIP connectors of {@code server.xml} and the
     * listeners to {@code sipPort}, {@code admin.http} to {@code httpPort}.
     */
    void movePorts(int sipPort, int httpPort) throws Exception {
        Document server = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(serverXml().toFile());
        NodeList connectors = server.getElementsByTagName("Connector");
        for (int i = 0; i < connectors.getLength(); i++) {
            ((Element) connectors.item(i)).setAttribute("port", String.valueOf(sipPort));
        }
        TransformerFactory.newInstance().newTransformer()
                .transform(new DOMSource(server), new StreamResult(serverXml().toFile()));

        String configuration = replaceAll(Files.readString(configuration(), StandardCharsets.UTF_8),
                Pattern.compile(String.format(LISTENER, "[^\\s=]+"), Pattern.MULTILINE), "$1" + sipPort);
        configuration = replaceAll(configuration, ADMIN_HTTP, "$1127.0.0.1:" + httpPort);
        Files.writeString(configuration(), configuration, StandardCharsets.UTF_8);
    }

    /** Sets {@code admin.http} in {@code interchange.properties}: an address, or {@code off}. */
    void setAdminHttp(String value) throws IOException {
        Files.writeString(configuration(), replaceAll(Files.readString(configuration(), StandardCharsets.UTF_8),
                ADMIN_HTTP, "$1" + value), StandardCharsets.UTF_8);
    }

    /** The admin password the router generated in the installation's data directory at its first start. */
    String adminPassword() throws IOException {
        return Files.readString(home.resolve("data").resolve("admin-password")).strip();
    }

    /** Sets the port of one listener ({@code listener.<name>}) in {@code interchange.properties} only. */
    void setListenerPort(String name, int port) throws IOException {
        Pattern listener = Pattern.compile(String.format(LISTENER, Pattern.quote(name)), Pattern.MULTILINE);
        Files.writeString(configuration(), replaceAll(Files.readString(configuration(), StandardCharsets.UTF_8),
                listener, "$1" + port), StandardCharsets.UTF_8);
    }

    /**
     * Starts {@code bin/catalina.sh run} with this installation as CATALINA_HOME and CATALINA_BASE, JAVA_HOME as the
     * tests have it, and nothing else of the developer's shell that configures Tomcat or the router.
     */
    ChildProcess run() throws IOException {
        ProcessBuilder catalina = new ProcessBuilder(home.resolve("bin").resolve("catalina.sh").toString(), "run")
                .directory(home.toFile());
        Map<String, String> environment = catalina.environment();
        RouterEnvironment.clearOverrides(environment);
        environment.keySet().removeIf(name -> name.startsWith("CATALINA_") || name.startsWith("JPDA_")
                || name.equals("JAVA_OPTS") || name.equals("JRE_HOME"));
        environment.put("CATALINA_HOME", home.toString());
        environment.put("CATALINA_BASE", home.toString());
        return ChildProcess.start(catalina, home.resolve("logs").resolve("catalina.out"));
    }

    @Override
    public String toString() {
        return home.toString();
    }

    /** Replaces every match; a pattern that matches nothing is a changed distribution, which the test must not miss. */
    private String replaceAll(String text, Pattern pattern, String replacement) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError(configuration() + " has no line matching " + pattern);
        }
        return matcher.replaceAll(replacement);
    }
}

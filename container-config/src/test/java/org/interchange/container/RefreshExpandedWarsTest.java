package org.interchange.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.core.StandardHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefreshExpandedWarsTest {

    private static final Instant EARLIER = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-01-01T11:00:00Z");

    @TempDir
    Path appBase;

    @Test
    void directoryOlderThanItsWarIsDeleted() throws IOException {
        Path expanded = expandedAt("interchange", EARLIER);
        warAt("interchange", LATER);

        RefreshExpandedWars.refresh(appBase);

        assertThat(expanded).doesNotExist();
        assertThat(appBase.resolve("interchange.war")).exists();
    }

    @Test
    void directoryNewerThanItsWarIsKept() throws IOException {
        Path expanded = expandedAt("interchange", LATER);
        warAt("interchange", EARLIER);

        RefreshExpandedWars.refresh(appBase);

        assertThat(expanded.resolve("WEB-INF/web.xml")).exists();
    }

    @Test
    void directoryWithoutWarIsKept() throws IOException {
        Path expanded = expandedAt("manager", EARLIER);
        warAt("interchange", LATER);

        RefreshExpandedWars.refresh(appBase);

        assertThat(expanded).exists();
    }

    @Test
    void missingAppBaseIsNoError() {
        RefreshExpandedWars.refresh(appBase.resolve("absent"));
    }

    @Test
    void hostAboutToStartRefreshesItsAppBase() throws IOException {
        Path expanded = expandedAt("interchange", EARLIER);
        warAt("interchange", LATER);
        StandardHost host = new StandardHost();
        host.setAppBase(appBase.toString());

        new RefreshExpandedWars().lifecycleEvent(new LifecycleEvent(host, Lifecycle.BEFORE_START_EVENT, null));

        assertThat(expanded).doesNotExist();
    }

    @Test
    void otherLifecycleEventsChangeNothing() throws IOException {
        Path expanded = expandedAt("interchange", EARLIER);
        warAt("interchange", LATER);
        StandardHost host = new StandardHost();
        host.setAppBase(appBase.toString());

        new RefreshExpandedWars().lifecycleEvent(new LifecycleEvent(host, Lifecycle.AFTER_START_EVENT, null));

        assertThat(expanded).exists();
    }

    /** An expanded web application with a file in a subdirectory, last modified at {@code time}. */
    private Path expandedAt(String name, Instant time) throws IOException {
        Path directory = appBase.resolve(name);
        Path webXml = directory.resolve("WEB-INF/web.xml");
        Files.createDirectories(webXml.getParent());
        Files.writeString(webXml, "<web-app/>");
        Files.setLastModifiedTime(directory, FileTime.from(time));
        return directory;
    }

    private void warAt(String name, Instant time) throws IOException {
        Path war = Files.writeString(appBase.resolve(name + ".war"), "not really a zip");
        Files.setLastModifiedTime(war, FileTime.from(time));
    }
}

package org.interchange.container;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.LifecycleListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a replaced WAR take effect at the next start. Tomcat 7 expands {@code webapps/x.war} into
 * {@code webapps/x/} once and, after a restart, keeps running that directory even when the WAR has been replaced
 * meanwhile (it has no "war tracker" yet). Before its host starts, this listener deletes every expanded directory
 * that is older than its WAR, so Tomcat expands the new one.
 *
 * <p>Use it on the {@code <Host>} of {@code server.xml} ({@code <Listener className="..."/>}); the embedded
 * launcher adds it itself.
 */
public class RefreshExpandedWars implements LifecycleListener {

    private static final Logger log = LoggerFactory.getLogger(RefreshExpandedWars.class);

    @Override
    public void lifecycleEvent(LifecycleEvent event) {
        if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && event.getLifecycle() instanceof Host host) {
            File appBase = new File(host.getAppBase());
            if (!appBase.isAbsolute()) {
                appBase = new File(System.getProperty("catalina.base"), host.getAppBase());
            }
            refresh(appBase.toPath());
        }
    }

    /** Deletes the expanded directories of {@code appBase} that are older than their WAR. */
    static void refresh(Path appBase) {
        File[] wars = appBase.toFile().listFiles((dir, name) -> name.endsWith(".war"));
        if (wars == null) {
            return;
        }
        for (File war : wars) {
            File expanded = new File(appBase.toFile(), war.getName().substring(0, war.getName().length() - 4));
            if (expanded.isDirectory() && expanded.lastModified() < war.lastModified()) {
                log.info("{} is newer than its expanded directory: expanding it again", war);
                delete(expanded.toPath());
            }
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the stale expanded directory " + directory, e);
        }
    }
}

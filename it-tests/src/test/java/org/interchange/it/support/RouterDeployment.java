package org.interchange.it.support;

import java.io.File;
import java.nio.file.Path;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the scenario tests deploy: the router's WAR exactly as the distribution ships it, never a rebuilt
 * micro-deployment, so that tests and production run the same bytes; and the distribution's archive, for the tests
 * of the distribution itself.
 */
public final class RouterDeployment {

    /** The system property naming the built distribution directory (failsafe sets it). */
    public static final String DISTRIBUTION_PROPERTY = "interchange.distribution";

    /** The system property naming the built distribution archive, {@code interchange-<version>.tar.gz}. */
    public static final String ARCHIVE_PROPERTY = "interchange.distribution.archive";

    private RouterDeployment() {
    }

    /** {@code webapps/interchange.war} of the distribution. */
    public static WebArchive war() {
        File war = new File(builtFile(DISTRIBUTION_PROPERTY, "container-config/distribution/target/interchange"),
                "webapps/interchange.war");
        requireBuilt(war);
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    /** The archive an operator unpacks: {@code container-config/distribution/target/interchange-<version>.tar.gz}. */
    public static Path archive() {
        File archive = builtFile(ARCHIVE_PROPERTY, "container-config/distribution/target/interchange-<version>.tar.gz");
        requireBuilt(archive);
        return archive.toPath();
    }

    private static File builtFile(String property, String whatMavenSets) {
        String path = System.getProperty(property);
        if (path == null) {
            throw new IllegalStateException("-D" + property + " is not set: run the tests through Maven (mvn verify), "
                    + "which points it at " + whatMavenSets);
        }
        return new File(path);
    }

    private static void requireBuilt(File file) {
        if (!file.isFile()) {
            throw new IllegalStateException(file + " does not exist: build the distribution first "
                    + "(mvn -B -DskipTests package -pl container-config/distribution -am)");
        }
    }
}

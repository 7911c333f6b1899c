package org.interchange.it.support;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the scenario tests deploy: the router's WAR exactly as the distribution ships it, never a rebuilt
 * micro-deployment, so that tests and production run the same bytes.
 */
public final class RouterDeployment {

    /** The system property naming the built distribution directory (failsafe sets it). */
    public static final String DISTRIBUTION_PROPERTY = "interchange.distribution";

    private RouterDeployment() {
    }

    /** {@code webapps/interchange.war} of the distribution. */
    public static WebArchive war() {
        String distribution = System.getProperty(DISTRIBUTION_PROPERTY);
        if (distribution == null) {
            throw new IllegalStateException("-D" + DISTRIBUTION_PROPERTY + " is not set: run the tests through "
                    + "Maven (mvn verify), which points it at container-config/distribution/target/interchange");
        }
        File war = new File(distribution, "webapps/interchange.war");
        if (!war.isFile()) {
            throw new IllegalStateException(war + " does not exist: build the distribution first "
                    + "(mvn -B -DskipTests package -pl container-config/distribution -am)");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}

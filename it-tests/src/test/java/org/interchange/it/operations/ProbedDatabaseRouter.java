package org.interchange.it.operations;

import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.database.DatabaseProxy;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the metrics and health scenarios run on: the router {@code probed-database} of arquillian.xml, whose
 * database is PostgreSQL through a {@link DatabaseProxy} on {@value #DATABASE_ADDRESS} at the router's SIP port.
 * The class registers {@link Database} before {@code ArquillianExtension}, so that the proxy listens before the
 * router starts, and leaves the database forwarding after each class.
 */
@ExtendWith({ProbedDatabaseRouter.Database.class, ArquillianExtension.class})
abstract class ProbedDatabaseRouter {

    static final String CONTAINER = "probed-database";
    static final String DATABASE_ADDRESS = "127.0.0.58";
    /** The container's portOffset in arquillian.xml. */
    static final int PORT_OFFSET = 1100;

    /** The proxy in front of the router's database. */
    static DatabaseProxy database() {
        return DatabaseProxy.proxy(DATABASE_ADDRESS, PORT_OFFSET);
    }

    @ArquillianResource
    Router router;

    @Deployment(testable = false)
    @TargetsContainer(CONTAINER)
    static WebArchive war() {
        return RouterDeployment.war();
    }

    /** Starts the proxy before the router, and leaves it forwarding. */
    static final class Database implements BeforeAllCallback, AfterAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            database().switchTo(DatabaseProxy.Mode.FORWARD);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            database().switchTo(DatabaseProxy.Mode.FORWARD);
        }
    }
}

package org.interchange.it.operations;

import org.interchange.it.support.database.DatabaseProxy;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The router {@code operations} of arquillian.xml and its database: PostgreSQL through a {@link DatabaseProxy} on
 * {@value #DATABASE_ADDRESS} at the router's SIP port. A JUnit extension to register before
 * {@code ArquillianExtension}, so that the proxy listens before the router starts; it leaves the database
 * forwarding after each class.
 */
public final class OperationsRouter implements BeforeAllCallback, AfterAllCallback {

    static final String CONTAINER = "operations";
    static final String DATABASE_ADDRESS = "127.0.0.58";
    /** The container's portOffset in arquillian.xml. */
    static final int PORT_OFFSET = 1100;

    /** The proxy in front of the router's database. */
    static DatabaseProxy database() {
        return DatabaseProxy.proxy(DATABASE_ADDRESS, PORT_OFFSET);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database().switchTo(DatabaseProxy.Mode.FORWARD);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        database().switchTo(DatabaseProxy.Mode.FORWARD);
    }
}

package org.interchange.it.support.container;

import java.lang.annotation.Annotation;

import org.interchange.it.support.Router;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.arquillian.test.spi.enricher.resource.ResourceProvider;

/** Gives tests {@code @ArquillianResource Router}: the router their deployment runs on. */
public class RouterProvider implements ResourceProvider {

    @Inject
    private Instance<ProtocolMetaData> metaData;

    @Override
    public boolean canProvide(Class<?> type) {
        return type.isAssignableFrom(Router.class);
    }

    @Override
    public Object lookup(ArquillianResource resource, Annotation... qualifiers) {
        ProtocolMetaData deployed = metaData.get();
        if (deployed == null || !deployed.hasContext(Router.class)) {
            throw new IllegalStateException("No router is deployed for this test: give the test class a "
                    + "@Deployment(testable = false) returning RouterDeployment.war()");
        }
        return deployed.getContexts(Router.class).iterator().next();
    }
}

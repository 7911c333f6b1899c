package org.interchange.it.support.container;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.enricher.resource.ResourceProvider;

/** Registers the {@code interchange-embedded} container and the {@link org.interchange.it.support.Router} resource. */
public class InterchangeExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(DeployableContainer.class, InterchangeContainer.class);
        builder.service(ResourceProvider.class, RouterProvider.class);
    }
}

package org.interchange.core;

import org.jboss.weld.environment.servlet.Container;
import org.jboss.weld.environment.servlet.ContainerContext;
import org.jboss.weld.resources.spi.ResourceLoader;

/**
 * Tells Weld which servlet container it runs in: Tomcat 7 under Restcomm SIP Servlets, where Weld's Tomcat support
 * cannot work (MSS wraps the servlet context and installs its own instance manager, so Weld would fail to hook
 * into Tomcat and log an error). Nothing is hooked in; SIP servlets get their beans through {@link BeanLookup}.
 * Named in {@code web.xml} by the context parameter {@value Container#CONTEXT_PARAM_CONTAINER_CLASS}.
 */
public class MssServletContainer implements Container {

    @Override
    public boolean touch(ResourceLoader resourceLoader, ContainerContext context) {
        return true;
    }

    @Override
    public void initialize(ContainerContext context) {
        // no injection into servlets: see the class comment
    }

    @Override
    public void destroy(ContainerContext context) {
        // nothing was set up
    }
}

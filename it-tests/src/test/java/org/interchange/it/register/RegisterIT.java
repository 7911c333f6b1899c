package org.interchange.it.register;

import org.interchange.it.support.RouterDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The registration scenarios on the router's embedded H2 database (in its data directory), with registrar limits short enough to watch a binding expire. */
class RegisterIT extends RegistrationScenarios {

    @Deployment(testable = false)
    @TargetsContainer("short-timers")
    static WebArchive router() {
        return RouterDeployment.war();
    }
}

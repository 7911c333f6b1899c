package org.interchange.it.register;

import org.interchange.it.support.RouterDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The registration scenarios on PostgreSQL: the router's tables live in a schema made for the run and dropped after it. */
class RegisterOnPostgresqlIT extends RegistrationScenarios {

    @Deployment(testable = false)
    @TargetsContainer("postgresql")
    static WebArchive router() {
        return RouterDeployment.war();
    }
}

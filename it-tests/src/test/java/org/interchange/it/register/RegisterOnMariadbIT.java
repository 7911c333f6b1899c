package org.interchange.it.register;

import org.interchange.it.support.RouterDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The registration scenarios on MariaDB: the router's tables live in a database made for the run and dropped after it. */
class RegisterOnMariadbIT extends RegistrationScenarios {

    @Deployment(testable = false)
    @TargetsContainer("mariadb")
    static WebArchive router() {
        return RouterDeployment.war();
    }
}

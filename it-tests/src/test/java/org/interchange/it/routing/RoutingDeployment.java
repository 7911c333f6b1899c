package org.interchange.it.routing;

import org.interchange.it.support.RouterDeployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR every test class of the {@code routing} router deploys: the router's own, with the routing ITs' steps and
 * hooks added to {@code WEB-INF/classes}, as an integrator adds theirs. The WAR's {@code beans.xml} (in
 * {@code WEB-INF/classes/META-INF}) discovers beans by annotation, and {@code WEB-INF/classes} is its bean archive:
 * each class here carries {@code @ApplicationScoped}, and each step its {@code @Priority}. One WAR for all the
 * classes, so that the router starts once for them (a different WAR would restart it).
 */
final class RoutingDeployment {

    /** The {@code arquillian.xml} qualifier of the router with the test beans. */
    static final String CONTAINER = "routing";

    private RoutingDeployment() {
    }

    static WebArchive war() {
        return RouterDeployment.war().addClasses(Marked.class,
                ProbeStep.class, StartupRecorder.class, EverySecond.class, RegistrationRecorder.class,
                AliasStep.class, ThrowingStep.class, RedirectingStep.class,
                ForkingStep.class, FlaggedBranchHook.class,
                VoicemailStep.class, VoicemailFailureHook.class,
                MarkingStep.class, ReplyRewritingHook.class, CancelMarkingHook.class,
                ErrorAnsweringHook.class);
    }
}

package org.interchange.it.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.interchange.it.support.Router;
import org.interchange.it.support.sip.IncomingRequest;
import org.interchange.it.support.sip.SentRequest;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.Transport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A step appends two branches itself ({@code append_branch}) and flags the first ({@code setbflag}) and the
 * transaction ({@code setflag}); a branch hook ({@code branch_route}) adds a header field only to the flagged
 * branch, and one naming the message flags to both. Each callee sees its own branch's header fields: branch flags
 * travel with one branch, message flags with the transaction.
 */
@ExtendWith(ArquillianExtension.class)
class BranchFlagsIT {

    @Deployment(testable = false)
    @TargetsContainer(RoutingDeployment.CONTAINER)
    static WebArchive router() {
        return RoutingDeployment.war();
    }

    @ArquillianResource
    Router router;

    @Test
    void theBranchHookChangesOnlyTheBranchWithTheFlag() {
        try (SipAgent flagged = router.agent(Transport.UDP);
             SipAgent other = router.agent(Transport.UDP);
             SipAgent caller = router.agent(Transport.UDP)) {
            SentRequest invite = caller.send(caller.invite("sip:" + ForkingStep.USER + "@" + router.domain())
                    .with("X-Routing-It-Branch", flagged.contactUri())
                    .with("X-Routing-It-Branch", other.contactUri()));

            IncomingRequest atFlagged = flagged.awaitRequest("INVITE");
            IncomingRequest atOther = other.awaitRequest("INVITE");
            atFlagged.reply(486);
            atOther.reply(486);
            assertThat(invite.awaitFinalResponse().status()).isEqualTo(486);

            assertThat(atFlagged.request().requestUri()).isEqualTo(flagged.contactUri());
            assertThat(atOther.request().requestUri()).isEqualTo(other.contactUri());
            assertThat(atFlagged.request().header("X-Routing-It-Flagged")).as("the flagged branch").hasValue("yes");
            assertThat(atOther.request().header("X-Routing-It-Flagged")).as("the other branch").isEmpty();
            assertThat(atFlagged.request().header("X-Routing-It-Message-Flags")).hasValue(ForkingStep.MESSAGE_FLAG);
            assertThat(atOther.request().header("X-Routing-It-Message-Flags")).hasValue(ForkingStep.MESSAGE_FLAG);
            assertThat(atFlagged.request().headers("X-Routing-It-Branch")).as("removed by the step").isEmpty();
            assertThat(atOther.request().headers("X-Routing-It-Branch")).as("removed by the step").isEmpty();
        }
    }
}

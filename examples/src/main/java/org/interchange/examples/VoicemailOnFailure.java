package org.interchange.examples;

import java.util.Optional;
import java.util.Set;

import javax.annotation.Priority;
import javax.enterprise.context.ApplicationScoped;
import javax.inject.Inject;

import org.interchange.container.config.RouterConfiguration;
import org.interchange.core.sip.SipUri;
import org.interchange.routing.Attribute;
import org.interchange.routing.Branch;
import org.interchange.routing.Decision;
import org.interchange.routing.FailureContext;
import org.interchange.routing.Steps;
import org.interchange.routing.spi.FailureHook;

/**
 * Unanswered calls go to voicemail, the classic failure route:
 *
 * <pre>
 * failure_route[to_voicemail] {
 *     if (t_check_status("486|408|480")) {     # busy, no answer, unavailable
 *         $ru = "sip:" + $rU + "@voicemail.example.com";
 *         t_relay(); exit;
 *     }
 * }
 * </pre>
 *
 * In Java: the voicemail server is {@code examples.voicemail} (a SIP URI; the user of the call is kept). It runs
 * after the router's serial forking, so that every contact of the callee is tried before voicemail; a call from the
 * media servers or the IVR ({@link DirectionStep}) is never sent to voicemail, so that voicemail never calls
 * itself, and a call goes to voicemail once: a transaction attribute remembers it.
 */
@ApplicationScoped
@Priority(Steps.SERIAL_FORKING + 10)
public class VoicemailOnFailure implements FailureHook {

    private static final Set<Integer> UNANSWERED = Set.of(486, 408, 480);
    /** Set once the call was sent to voicemail: a voicemail that fails too is not called again. */
    private static final Attribute<Boolean> SENT_TO_VOICEMAIL = Attribute.of("sent-to-voicemail", Boolean.class);

    private Optional<SipUri> voicemail;

    protected VoicemailOnFailure() {
        // for CDI's proxy
    }

    @Inject
    public VoicemailOnFailure(RouterConfiguration config) {
        voicemail = Optional.ofNullable(config.parsed("examples.voicemail", null, SipUri::parse));
    }

    @Override
    public Decision onFailure(FailureContext context) {
        if (voicemail.isEmpty() || !context.request().is("INVITE")
                || !UNANSWERED.contains(context.response().status())
                || context.flags().isSet(DirectionStep.FROM_MEDIA) || context.flags().isSet(DirectionStep.FROM_IVR)
                || context.attributes().has(SENT_TO_VOICEMAIL)) {
            return Decision.next();
        }
        context.attributes().set(SENT_TO_VOICEMAIL, true);
        String user = context.request().requestUri().user().orElse("voicemail");
        context.appendBranch(Branch.to(voicemail.get().withUser(user)));
        return Decision.relay();
    }
}

package org.interchange.it.routing;

import java.util.Set;

import javax.enterprise.context.ApplicationScoped;

import org.interchange.core.sip.SipUri;
import org.interchange.routing.Branch;
import org.interchange.routing.Decision;
import org.interchange.routing.FailureContext;
import org.interchange.routing.spi.FailureHook;

/**
 * A failure hook ({@code failure_route}) sending a busy or unanswered call that {@link VoicemailStep} flagged to
 * the voicemail URI of its transaction attribute, once: a new branch carrying the attributes the request route
 * set ({@code X-Routing-It-Notes}, every value oldest first; {@code X-Routing-It-Last-Note}, the one read as an
 * AVP reads) and the status it failed with ({@code X-Routing-It-Failed-With}).
 */
@ApplicationScoped
public class VoicemailFailureHook implements FailureHook {

    /** Busy, and the answers of a branch that rang out: unanswered (408, 480) or cancelled at branch timeout (487). */
    private static final Set<Integer> NOT_ANSWERED = Set.of(408, 480, 486, 487, 600, 603);

    @Override
    public Decision onFailure(FailureContext context) {
        if (!context.flags().isSet(VoicemailStep.FLAG) || !NOT_ANSWERED.contains(context.response().status())) {
            return Decision.next();
        }
        var voicemail = context.attributes().get(VoicemailStep.VOICEMAIL);
        if (voicemail.isEmpty()) {
            return Decision.next();
        }
        context.attributes().remove(VoicemailStep.VOICEMAIL); // once: a failing voicemail is not tried again
        context.appendBranch(Branch.to(SipUri.parse(voicemail.get()))
                .addHeader("X-Routing-It-Notes", String.join("; ", context.attributes().all(VoicemailStep.NOTES)))
                .addHeader("X-Routing-It-Last-Note", context.attributes().get(VoicemailStep.NOTES).orElse(""))
                .addHeader("X-Routing-It-Failed-With", String.valueOf(context.response().status())));
        return Decision.relay();
    }
}

package org.interchange.it.routing;

import java.util.List;

import javax.annotation.Priority;
import javax.enterprise.context.ApplicationScoped;

import org.interchange.core.sip.SipUri;
import org.interchange.routing.Branch;
import org.interchange.routing.Decision;
import org.interchange.routing.RequestContext;
import org.interchange.routing.Steps;
import org.interchange.routing.spi.RequestStep;

/**
 * A step that forks by itself ({@code append_branch}): a request to {@value #USER} goes to the URIs of its
 * {@code X-Routing-It-Branch} header fields (removed from what is relayed), all with q 1; the first branch gets the
 * branch flag {@value #BRANCH_FLAG} ({@code setbflag}), the transaction the message flag {@value #MESSAGE_FLAG}
 * ({@code setflag}). {@link FlaggedBranchHook} acts on them.
 */
@ApplicationScoped
@Priority(Steps.LOCATION_LOOKUP - 3)
public class ForkingStep implements RequestStep {

    static final String USER = "rt-fork";
    static final String BRANCH_FLAG = "RT_FLAGGED";
    static final String MESSAGE_FLAG = "RT_FORKED";

    @Override
    public Decision apply(RequestContext context) {
        if (!Marked.user(context.request(), USER)) {
            return Decision.next();
        }
        List<String> targets = context.request().headers("X-Routing-It-Branch");
        for (int i = 0; i < targets.size(); i++) {
            Branch branch = Branch.to(SipUri.parse(targets.get(i).trim()));
            if (i == 0) {
                branch.flags().set(BRANCH_FLAG);
            }
            context.appendBranch(branch);
        }
        context.removeHeader("X-Routing-It-Branch");
        context.flags().set(MESSAGE_FLAG);
        return Decision.relay();
    }

    @Override
    public String name() {
        return "routing-it-fork";
    }
}

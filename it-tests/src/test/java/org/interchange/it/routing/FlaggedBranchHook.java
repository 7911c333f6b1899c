package org.interchange.it.routing;

import javax.enterprise.context.ApplicationScoped;

import org.interchange.routing.BranchContext;
import org.interchange.routing.spi.BranchHook;

/**
 * A branch hook ({@code branch_route}) for the transactions {@link ForkingStep} flagged: the branch with its branch
 * flag gets {@code X-Routing-It-Flagged: yes}, every branch {@code X-Routing-It-Message-Flags} with the message flags
 * it sees.
 */
@ApplicationScoped
public class FlaggedBranchHook implements BranchHook {

    @Override
    public void onBranch(BranchContext context) {
        if (!context.flags().isSet(ForkingStep.MESSAGE_FLAG)) {
            return;
        }
        if (context.branch().flags().isSet(ForkingStep.BRANCH_FLAG)) {
            context.branch().addHeader("X-Routing-It-Flagged", "yes");
        }
        context.branch().addHeader("X-Routing-It-Message-Flags", String.join(" ", context.flags().names()));
    }
}

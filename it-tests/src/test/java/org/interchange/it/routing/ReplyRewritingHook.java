package org.interchange.it.routing;

import javax.enterprise.context.ApplicationScoped;

import org.interchange.routing.ReplyContext;
import org.interchange.routing.spi.ReplyHook;

/**
 * A reply hook ({@code onreply_route}) for the transactions {@link MarkingStep} flagged {@value MarkingStep#REPLY}:
 * every response passed on gets {@code X-Routing-It-Reply: <status>}; a 180 is dropped ({@code drop()}), the
 * caller never sees it.
 */
@ApplicationScoped
public class ReplyRewritingHook implements ReplyHook {

    @Override
    public void onReply(ReplyContext context) {
        if (!context.flags().isSet(MarkingStep.REPLY)) {
            return;
        }
        if (context.response().status() == 180) {
            context.drop();
            return;
        }
        context.addHeader("X-Routing-It-Reply", String.valueOf(context.response().status()));
    }
}

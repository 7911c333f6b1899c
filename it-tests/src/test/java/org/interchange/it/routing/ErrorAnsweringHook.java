package org.interchange.it.routing;

import javax.enterprise.context.ApplicationScoped;

import org.interchange.core.sip.Reply;
import org.interchange.routing.Decision;
import org.interchange.routing.ErrorContext;
import org.interchange.routing.spi.ErrorHook;

/**
 * An error hook ({@code error_route}) for malformed requests whose problem names {@value #MARK} (a header line
 * without a colon that starts with it): answered with its own reason, the problem ({@code $err.rreason}) and the
 * source in {@code X-Routing-It-Error} and {@code X-Routing-It-Source}. Other malformed requests get the router's
 * answer.
 */
@ApplicationScoped
public class ErrorAnsweringHook implements ErrorHook {

    static final String MARK = "rt-error-hook";
    static final String REASON = "Bad Request (answered by the routing-it error hook)";

    @Override
    public Decision onError(ErrorContext context) {
        if (!context.problem().contains(MARK)) {
            return Decision.next();
        }
        return Decision.reply(Reply.of(400, REASON)
                .with("X-Routing-It-Error", context.problem())
                .with("X-Routing-It-Source", context.source().transport().token() + ":"
                        + context.source().address() + ":" + context.source().port()));
    }
}

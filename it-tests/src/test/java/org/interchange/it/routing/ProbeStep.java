package org.interchange.it.routing;

import javax.annotation.Priority;
import javax.enterprise.context.ApplicationScoped;
import javax.inject.Inject;

import org.interchange.core.sip.Reply;
import org.interchange.routing.Decision;
import org.interchange.routing.RequestContext;
import org.interchange.routing.Steps;
import org.interchange.routing.spi.RequestStep;

/**
 * A request step that lets a test look into the router: a MESSAGE to {@code rt-probe-startup},
 * {@code rt-probe-timer} or {@code rt-probe-events} (with {@code X-Routing-It-Aor: user@domain}) is answered 200
 * with what the startup hook, the timer hook or the registration observer saw, in {@code X-Routing-It-*} header
 * fields. Runs right after {@code uri-scheme}, for every request (it counts them for the startup hook).
 */
@ApplicationScoped
@Priority(Steps.URI_SCHEME + 10)
public class ProbeStep implements RequestStep {

    static final String PREFIX = "rt-probe-";

    @Inject
    StartupRecorder startup;
    @Inject
    EverySecond timer;
    @Inject
    RegistrationRecorder registrations;

    @Override
    public Decision apply(RequestContext context) {
        startup.requestRouted();
        if (!context.request().is("MESSAGE") || !Marked.user(context.request(), PREFIX)) {
            return Decision.next();
        }
        Reply ok = Reply.of(200, "OK");
        return switch (Marked.after(context.request(), PREFIX)) {
            case "startup" -> Decision.reply(ok
                    .with("X-Routing-It-Startup-Runs", String.valueOf(startup.runs()))
                    .with("X-Routing-It-Requests-Before-Startup", String.valueOf(startup.requestsBeforeStartup())));
            case "timer" -> Decision.reply(ok.with("X-Routing-It-Timer-Runs", String.valueOf(timer.runs())));
            case "events" -> Decision.reply(ok.with("X-Routing-It-Events", String.join(" ",
                    registrations.kinds(context.request().header("X-Routing-It-Aor").orElse("")))));
            default -> Decision.reply(404, "Not Found (no such probe)");
        };
    }

    @Override
    public String name() {
        return "routing-it-probe";
    }
}

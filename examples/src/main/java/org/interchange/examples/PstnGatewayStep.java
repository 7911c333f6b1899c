package org.interchange.examples;

import java.util.Optional;
import java.util.OptionalInt;

import javax.annotation.Priority;
import javax.enterprise.context.ApplicationScoped;
import javax.inject.Inject;

import org.interchange.container.config.RouterConfiguration;
import org.interchange.core.sip.SipUri;
import org.interchange.dialplan.Dialplan;
import org.interchange.dialplan.Translation;
import org.interchange.routing.Decision;
import org.interchange.routing.RequestContext;
import org.interchange.routing.Steps;
import org.interchange.routing.spi.RequestStep;

/**
 * A dialled number normalised by the dialplan and sent to a PSTN gateway:
 *
 * <pre>
 * if (dp_translate(1, $rU, $rU) &amp;&amp; $rU =~ "^\+[0-9]+$") {   # 0301234567 -> +49301234567
 *     $du = "sip:gw.example.net";                            # the PSTN gateway
 *     t_relay(); exit;
 * }
 * </pre>
 *
 * In Java: the dialplan set is {@code examples.pstn-dialplan-set}, the gateway {@code examples.pstn-gateway} (a SIP
 * URI); the rules are rows of the {@code dialplan} table, changed through the admin API without a restart. It runs
 * after the router's authentication (only our users call the PSTN) and before the location lookup, so that a number
 * the dialplan turns into an E.164 number leaves for the gateway; anything else goes on to the lookup.
 */
@ApplicationScoped
@Priority(Steps.AUTHENTICATION + 10)
public class PstnGatewayStep implements RequestStep {

    private Dialplan dialplan;
    private OptionalInt set;
    private Optional<SipUri> gateway;

    protected PstnGatewayStep() {
        // for CDI's proxy
    }

    @Inject
    public PstnGatewayStep(Dialplan dialplan, RouterConfiguration config) {
        this.dialplan = dialplan;
        set = config.optional("examples.pstn-dialplan-set").isPresent()
                ? OptionalInt.of(config.integer("examples.pstn-dialplan-set", 0, 0, Integer.MAX_VALUE))
                : OptionalInt.empty();
        gateway = Optional.ofNullable(config.parsed("examples.pstn-gateway", null, SipUri::parse));
    }

    @Override
    public Decision apply(RequestContext context) {
        Optional<String> dialled = context.requestUri().user();
        if (set.isEmpty() || gateway.isEmpty() || dialled.isEmpty()) {
            return Decision.next();
        }
        Optional<String> e164 = dialplan.translateChained(set.getAsInt(), dialled.get()).map(Translation::output)
                .filter(number -> number.matches("^\\+[0-9]+$"));
        if (e164.isEmpty()) {
            return Decision.next();
        }
        context.requestUri(context.requestUri().withUser(e164.get()));
        context.destination(gateway.get());
        return Decision.relay();
    }

    @Override
    public String name() {
        return "example-pstn-gateway";
    }
}

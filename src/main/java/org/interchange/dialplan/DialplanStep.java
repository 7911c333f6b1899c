package org.interchange.dialplan;

import java.util.Optional;
import java.util.OptionalInt;

import javax.annotation.Priority;
import javax.enterprise.context.ApplicationScoped;
import javax.inject.Inject;

import org.interchange.container.config.RouterConfiguration;
import org.interchange.routing.Attribute;
import org.interchange.routing.Decision;
import org.interchange.routing.RequestContext;
import org.interchange.routing.Steps;
import org.interchange.routing.spi.RequestStep;

/**
 * {@code dialplan}: when {@code dialplan.request-uri-set} names a set, the Request-URI user of every request is
 * translated by it ({@code dp_translate($rU)}, following {@code continue} rules), so that the steps after it (the
 * location lookup among them) see the normalised number; the attrs of the rule that gave the output go into the
 * attribute {@link #ATTRS}. A user no rule matches is left as it is. Without the setting the step does nothing; a
 * step of one's own calls {@link Dialplan#translate} for any other value.
 */
@ApplicationScoped
@Priority(Steps.DIALPLAN)
public class DialplanStep implements RequestStep {

    /** The attrs of the dialplan rule that translated the Request-URI user. */
    public static final Attribute<String> ATTRS = Attribute.of("dialplan-attrs", String.class);

    private Dialplan dialplan;
    private OptionalInt set;

    protected DialplanStep() {
        // for CDI's proxy
    }

    @Inject
    public DialplanStep(Dialplan dialplan, RouterConfiguration config) {
        this(dialplan, config.optional("dialplan.request-uri-set").isPresent()
                ? OptionalInt.of(config.integer("dialplan.request-uri-set", 0, 0, Integer.MAX_VALUE))
                : OptionalInt.empty());
    }

    public DialplanStep(Dialplan dialplan, OptionalInt set) {
        this.dialplan = dialplan;
        this.set = set;
    }

    @Override
    public Decision apply(RequestContext context) {
        if (set.isEmpty()) {
            return Decision.next();
        }
        Optional<String> user = context.requestUri().user();
        if (user.isEmpty()) {
            return Decision.next();
        }
        dialplan.translateChained(set.getAsInt(), user.get()).ifPresent(translation -> {
            if (!translation.output().equals(user.get())) {
                context.requestUri(context.requestUri().withUser(translation.output()));
            }
            if (!translation.attrs().isEmpty()) {
                context.attributes().set(ATTRS, translation.attrs());
            }
        });
        return Decision.next();
    }

    @Override
    public String name() {
        return "dialplan";
    }
}

package org.interchange.listener;

import java.util.Arrays;
import java.util.List;

import org.interchange.container.config.SipListener;

/** Listeners written as in the configuration, {@code name = definition}; they are parsed, never bound. */
public final class TestListeners {

    private TestListeners() {
    }

    /** The listeners in this order, the first being the default. */
    public static Listeners of(String... definitions) {
        List<SipListener> all = Arrays.stream(definitions).map(TestListeners::listener).toList();
        return new Listeners(all, all.get(0));
    }

    /** One listener, {@code private = udp:10.0.0.4:5060}. */
    public static SipListener listener(String definition) {
        int equals = definition.indexOf('=');
        return SipListener.parse(definition.substring(0, equals).trim(), definition.substring(equals + 1));
    }
}

package org.interchange.core;

import javax.enterprise.inject.spi.CDI;

/**
 * How SIP servlets get their beans. MSS creates SIP servlets with its own instance manager, so Weld does not inject
 * into them; a servlet looks its beans up here, once, in {@code init()}.
 */
public final class BeanLookup {

    private BeanLookup() {
    }

    /**
     * The bean of the given type.
     *
     * @throws IllegalStateException when CDI is not running (Weld's listener missing from web.xml)
     */
    public static <T> T bean(Class<T> type) {
        return CDI.current().select(type).get();
    }
}

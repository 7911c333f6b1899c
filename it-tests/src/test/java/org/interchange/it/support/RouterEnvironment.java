package org.interchange.it.support;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The environment a router the tests start runs with: the configuration the test wrote, not a developer's shell. */
public final class RouterEnvironment {

    /**
     * Prefixes of the variables the router reads as configuration overrides ({@code REGISTRAR_MAX_EXPIRES} for
     * {@code registrar.max-expires}) and of those its scripts read ({@code INTERCHANGE_CONFIG}, {@code INTERCHANGE_DATA}).
     */
    private static final List<String> OVERRIDE_PREFIXES = List.of("LISTENER_", "DOMAINS", "ALIASES", "DATABASE_",
            "REGISTRAR_", "AUTH_", "LOCATION_", "PROXY_", "ADMIN_", "DATA_DIR", "INTERCHANGE_");

    private RouterEnvironment() {
    }

    /** Removes every variable that would override the router's configuration file from a process environment. */
    public static void clearOverrides(Map<String, String> environment) {
        environment.keySet().removeIf(name -> OVERRIDE_PREFIXES.stream()
                .anyMatch(prefix -> name.toUpperCase(Locale.ROOT).startsWith(prefix)));
    }
}

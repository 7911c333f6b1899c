package org.interchange.routing;

/**
 * The priorities of the router's own steps and hooks, in the order they run: an integrator's
 * {@code @Priority(Steps.AUTHENTICATION - 1)} runs just before authentication. Each is a bean of the capability
 * that owns it, named as {@code route.disabled-steps} and the logs name it.
 */
public final class Steps {

    /** {@code uri-scheme}: a Request-URI that is not sip/sips gets 416. */
    public static final int URI_SCHEME = 100;
    /** {@code registrar}: a REGISTER for a served domain goes to the registrar ({@code save}). */
    public static final int REGISTRAR = 200;
    /** {@code addressed-to-router}: OPTIONS to the router gets 200, other methods 405. */
    public static final int ADDRESSED_TO_ROUTER = 300;
    /** {@code max-forwards}: Max-Forwards 0 gets 483 ({@code mf_process_maxfwd_header}). */
    public static final int MAX_FORWARDS = 400;
    /** {@code proxy-require}: Proxy-Require gets 420 with Unsupported. */
    public static final int PROXY_REQUIRE = 500;
    /** {@code loop-detection}: a request that passed through here unchanged gets 482. */
    public static final int LOOP_DETECTION = 600;
    /** {@code source-group}: tags the request with the address group of its source ({@code get_source_group}). */
    public static final int SOURCE_GROUP = 700;
    /** {@code dialplan}: translates the Request-URI user by a dialplan set ({@code dp_translate}), when set. */
    public static final int DIALPLAN = 800;
    /** {@code authentication}: local users' requests are challenged ({@code proxy_authorize}). */
    public static final int AUTHENTICATION = 900;
    /** {@code socket-rule}: a socket rule with a destination sends the request there. */
    public static final int SOCKET_RULE = 1000;
    /** {@code redirect}: requests for a domain in redirect mode get 302 with the user's contacts. */
    public static final int REDIRECT = 1100;
    /** {@code location-lookup}: requests for a served domain go to the user's bindings ({@code lookup}). */
    public static final int LOCATION_LOOKUP = 1200;
    /** {@code relay-to-domain}: requests for other domains are relayed, or refused 403 to strangers. */
    public static final int RELAY_TO_DOMAIN = 1300;

    /** Failure hook {@code serial-forking}: the next q-value's contacts are tried. */
    public static final int SERIAL_FORKING = 1000;

    /** Where a hook without {@code @Priority} runs. */
    public static final int DEFAULT_HOOK = 2000;

    private Steps() {
    }
}

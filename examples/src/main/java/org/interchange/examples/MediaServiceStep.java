package org.interchange.examples;

import java.util.Optional;
import java.util.regex.Pattern;

import javax.annotation.Priority;
import javax.enterprise.context.ApplicationScoped;
import javax.inject.Inject;

import org.interchange.container.config.RouterConfiguration;
import org.interchange.core.sip.SipUri;
import org.interchange.routing.Decision;
import org.interchange.routing.RequestContext;
import org.interchange.routing.Steps;
import org.interchange.routing.spi.RequestStep;

/**
 * The {@code *33} media-service rule of OpenSIPS's bridging example:
 *
 * <pre>
 * if ($rU =~ "^\*33[0-9]+$") {          # a call to a media service
 *     $fs = "udp:10.0.0.100:5060";       # leave through the private listener
 *     route(to_media); exit;             # $du = the media server; t_relay()
 * }
 * </pre>
 *
 * In Java: the media server ({@code examples.media-server}, a SIP URI) and the listener that faces it
 * ({@code examples.media-listener}, a listener's name) come from the router's configuration. It runs before the
 * router's authentication, as in the script: a media service needs no credentials.
 */
@ApplicationScoped
@Priority(Steps.AUTHENTICATION - 10)
public class MediaServiceStep implements RequestStep {

    private static final Pattern MEDIA_SERVICE = Pattern.compile("^\\*33[0-9]+$");

    private Optional<SipUri> mediaServer;
    private Optional<String> listener;

    protected MediaServiceStep() {
        // for CDI's proxy
    }

    @Inject
    public MediaServiceStep(RouterConfiguration config) {
        mediaServer = Optional.ofNullable(config.parsed("examples.media-server", null, SipUri::parse));
        listener = config.optional("examples.media-listener");
    }

    @Override
    public Decision apply(RequestContext context) {
        Optional<String> user = context.requestUri().user();
        if (mediaServer.isEmpty() || user.isEmpty() || !MEDIA_SERVICE.matcher(user.get()).matches()) {
            return Decision.next();
        }
        listener.ifPresent(context::listener);
        context.destination(mediaServer.get());
        return Decision.relay();
    }

    @Override
    public String name() {
        return "example-media-service";
    }
}

package org.interchange.container;

import java.util.List;

import org.interchange.container.config.SipListener;
import org.interchange.container.config.Transport;
import org.mobicents.servlet.sip.core.SipApplicationDispatcher;

/**
 * The names MSS must know a listener by to take the Route and Via headers that name it for its own. MSS compares a
 * Route's host, port and transport with its listeners as text, and reads a Route without a transport parameter as
 * UDP:
 * <ul>
 *   <li>an IPv6 listener is met in brackets, as {@code [::1]} and {@code [0:0:0:0:0:0:0:1]}: names of its SIP
 *       connector ({@code hostNames});</li>
 *   <li>a TLS listener is met as {@code sips:host:port}, without transport, in the Record-Route of a SIPS dialog,
 *       which MSS would take for a UDP listener's, and so for another server's: its address and port, as shown and
 *       as bound, are host names of MSS's dispatcher.</li>
 * </ul>
 * Both ways of running apply them: the embedded launcher and {@link StandaloneChecks}.
 */
public final class MssHostNames {

    private MssHostNames() {
    }

    /** The {@code hostNames} of a listener's SIP connector, comma-separated; empty when it needs none. */
    public static String ofConnector(SipListener listener) {
        return listener.isIpv6()
                ? "[" + listener.bound().host() + "],[" + listener.address().getHostAddress() + "]" : "";
    }

    /** Makes MSS's dispatcher know the TLS listeners by {@code address:port}. */
    public static void addToDispatcher(SipApplicationDispatcher dispatcher, List<SipListener> listeners) {
        for (SipListener listener : listeners) {
            if (listener.transport() == Transport.TLS) {
                dispatcher.addHostName(listener.bound().uriHost() + ":" + listener.port());
                dispatcher.addHostName(listener.shown().uriHost() + ":" + listener.shown().port().getAsInt());
            }
        }
    }
}

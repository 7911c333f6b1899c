package org.interchange.container;

import java.util.ArrayList;
import java.util.List;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.Service;
import org.apache.catalina.connector.Connector;
import org.interchange.container.config.IpAddresses;
import org.interchange.container.config.SipListener;
import org.mobicents.servlet.sip.startup.SipProtocolHandler;

/**
 * What went wrong while Tomcat started that Tomcat and MSS only log and carry on with: a connector that did not
 * open, a web application that did not start. Both ways of running the router refuse to run so.
 */
public final class StartupProblems {

    private StartupProblems() {
    }

    /**
     * The connectors that did not open, as {@code address:port/transport}: a port in use, an address that is not
     * local.
     */
    public static List<String> failedConnectors(Service service) {
        List<String> failed = new ArrayList<>();
        for (Connector connector : service.findConnectors()) {
            if (connector.getProtocolHandler() instanceof SipProtocolHandler sip) {
                if (!sip.isStarted()) {
                    failed.add(sip.getIpAddress() + ":" + sip.getPort() + "/" + sip.getSignalingTransport());
                }
            } else if (connector.getState() != LifecycleState.STARTED) {
                failed.add(connector.getProperty("address") + ":" + connector.getPort() + "/http");
            }
        }
        return failed;
    }

    /** The web applications of a service that did not start, by context path. */
    public static List<String> failedApplications(Service service) {
        List<String> failed = new ArrayList<>();
        for (Container host : service.getContainer().findChildren()) {
            for (Container context : host.findChildren()) {
                if (context.getState() != LifecycleState.STARTED || !((Context) context).getAvailable()) {
                    failed.add(((Context) context).getPath());
                }
            }
        }
        return failed;
    }

    /** The SIP connectors of a service as sockets, {@code udp:127.0.0.1:5060}, in the order of server.xml. */
    public static List<String> sockets(Service service) {
        List<String> sockets = new ArrayList<>();
        for (Connector connector : service.findConnectors()) {
            if (connector.getProtocolHandler() instanceof SipProtocolHandler sip) {
                String address = sip.getIpAddress();
                String host = IpAddresses.parseLiteral(address).map(IpAddresses::text).orElse(address);
                sockets.add(sip.getSignalingTransport().toLowerCase() + ":"
                        + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + sip.getPort());
            }
        }
        return sockets;
    }

    /** The sockets of configured listeners, in the same form as {@link #sockets}. */
    public static List<String> sockets(List<SipListener> listeners) {
        return listeners.stream().map(SipListener::socket).toList();
    }
}

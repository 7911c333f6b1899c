package org.interchange.container;

import java.text.ParseException;

import javax.servlet.sip.SipServletMessage;
import javax.sip.PeerUnavailableException;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;

import org.mobicents.servlet.sip.core.message.MobicentsSipServletMessage;

/**
 * Adds header fields to messages the way RFC 3261 7.3.1 allows: several values of one field in order.
 *
 * <p>MSS 3.2.0-37 treats WWW-Authenticate, Proxy-Authenticate and the credentials headers as single-valued: a
 * second {@code addHeader} replaces the first, so a challenge can offer only one algorithm (RFC 8760 offers SHA-256
 * and MD5 side by side). This class appends to the message's JAIN-SIP representation instead.
 */
public final class SipHeaderFields {

    private static final HeaderFactory HEADERS = headerFactory();

    private SipHeaderFields() {
    }

    /**
     * Appends a header field value after the existing ones. Meant for the fields a router adds to its own
     * responses; it does not protect the system header fields that JSR 289 reserves to the container.
     *
     * @throws IllegalArgumentException when the value does not parse as that header field
     */
    public static void append(SipServletMessage message, String name, String value) {
        try {
            // createHeaders also takes the comma-separated values of list fields (Allow: OPTIONS, REGISTER)
            for (Object header : HEADERS.createHeaders(name + ": " + value)) {
                ((MobicentsSipServletMessage) message).getMessage().addLast((Header) header);
            }
        } catch (ParseException | SipException e) {
            throw new IllegalArgumentException("bad " + name + " value '" + value + "': " + e.getMessage(), e);
        }
    }

    private static HeaderFactory headerFactory() {
        try {
            return SipFactory.getInstance().createHeaderFactory();
        } catch (PeerUnavailableException e) {
            throw new IllegalStateException("JAIN-SIP is not on the container classpath", e);
        }
    }
}

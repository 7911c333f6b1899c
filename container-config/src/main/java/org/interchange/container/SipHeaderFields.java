package org.interchange.container;

import java.text.ParseException;

import javax.servlet.sip.SipServletMessage;
import javax.sip.SipException;
import javax.sip.header.Header;
import javax.sip.message.Message;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.SIPHeaderList;
import gov.nist.javax.sip.parser.StringMsgParser;

import org.mobicents.servlet.sip.core.message.MobicentsSipServletMessage;

/**
 * Adds header fields to messages the way RFC 3261 7.3.1 allows: several values of one field in order.
 *
 * <p>MSS 3.2.0-37 treats WWW-Authenticate, Proxy-Authenticate and the credentials headers as single-valued: a
 * second {@code addHeader} replaces the first, so a challenge can offer only one algorithm (RFC 8760 offers SHA-256
 * and MD5 side by side). This class appends to the message's JAIN-SIP representation instead.
 */
public final class SipHeaderFields {

    private SipHeaderFields() {
    }

    /**
     * Appends a header field value after the existing ones. Meant for the fields a router adds to its own
     * responses; it does not protect the system header fields that JSR 289 reserves to the container.
     *
     * @throws IllegalArgumentException when the value does not parse as that header field
     */
    public static void append(SipServletMessage message, String name, String value) {
        SIPHeader header;
        try {
            header = StringMsgParser.parseSIPHeader(name + ": " + value);
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad " + name + " value '" + value + "': " + e.getMessage(), e);
        }
        Message target = ((MobicentsSipServletMessage) message).getMessage();
        try {
            // a list field (Allow: OPTIONS, REGISTER) parses into a list whose values are added one by one
            if (header instanceof SIPHeaderList<?> list) {
                for (Object each : list) {
                    target.addLast((Header) each);
                }
            } else {
                target.addLast(header);
            }
        } catch (SipException e) {
            throw new IllegalArgumentException("cannot add " + name + ": " + e.getMessage(), e);
        }
    }
}

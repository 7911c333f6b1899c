package org.interchange.container;

import java.text.ParseException;

import javax.servlet.sip.SipServletMessage;
import javax.sip.SipException;
import javax.sip.message.Message;

import org.mobicents.servlet.sip.core.message.MobicentsSipServletMessage;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.SIPHeaderList;
import gov.nist.javax.sip.parser.StringMsgParser;

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
        Message sip = ((MobicentsSipServletMessage) message).getMessage();
        try {
            SIPHeader parsed = StringMsgParser.parseSIPHeader(name + ": " + value);
            // a list field (Allow: OPTIONS, REGISTER) parses into a list: its values go in one by one
            if (parsed instanceof SIPHeaderList<?> list) {
                for (SIPHeader header : list) {
                    sip.addLast(header);
                }
            } else {
                sip.addLast(parsed);
            }
        } catch (ParseException | SipException | IllegalArgumentException e) {
            // JAIN-SIP's parsers also fail with runtime exceptions, such as NumberFormatException for "Expires: soon"
            throw new IllegalArgumentException("bad " + name + " value '" + value + "': " + e.getMessage(), e);
        }
    }
}

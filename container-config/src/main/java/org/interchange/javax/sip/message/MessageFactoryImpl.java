package org.interchange.javax.sip.message;

/** JAIN-SIP's message factory, under the path name of {@link org.interchange.javax.sip.SipStackImpl}. */
public class MessageFactoryImpl extends gov.nist.javax.sip.message.MessageFactoryImpl {
}

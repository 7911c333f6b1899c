package org.interchange.javax.sip.header;

/** JAIN-SIP's header factory, under the path name of {@link org.interchange.javax.sip.SipStackImpl}. */
public class HeaderFactoryImpl extends gov.nist.javax.sip.header.HeaderFactoryImpl {
}

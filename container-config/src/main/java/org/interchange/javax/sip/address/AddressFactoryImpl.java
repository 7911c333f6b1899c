package org.interchange.javax.sip.address;

/** JAIN-SIP's address factory, under the path name of {@link org.interchange.javax.sip.SipStackImpl}. */
public class AddressFactoryImpl extends gov.nist.javax.sip.address.AddressFactoryImpl {
}

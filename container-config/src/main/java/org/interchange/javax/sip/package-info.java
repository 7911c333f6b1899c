/**
 * JAIN-SIP's stack under our path name ({@code sipPathName="org.interchange"} of the SIP service), so that a message
 * leaves from the listener the router chose (see {@link org.interchange.javax.sip.SipStackImpl}) and a request that
 * arrived in a datagram is answered over UDP ({@link org.interchange.javax.sip.DatagramServerTransaction}). The
 * factories are JAIN-SIP's own, found here because JAIN-SIP looks every class up under one path name.
 */
package org.interchange.javax.sip;

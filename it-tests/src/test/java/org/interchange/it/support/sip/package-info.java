/**
 * The SIP test agent: a user agent over raw sockets, so that tests see exactly what crosses the wire.
 *
 * <p>{@link org.interchange.it.support.sip.SipAgent} sends {@link org.interchange.it.support.sip.SipRequest}s built
 * from parts and keeps every {@link org.interchange.it.support.sip.Received} message with its transport, source and
 * arrival socket; {@link org.interchange.it.support.sip.SentRequest} waits for responses and cancels,
 * {@link org.interchange.it.support.sip.IncomingRequest} answers as a UAS, {@link org.interchange.it.support.sip.Dialog}
 * keeps a route set for ACK and BYE, {@link org.interchange.it.support.sip.Digest} answers 401 and 407. Received
 * messages are parsed by the JAIN-SIP reference parser; nothing else of a SIP stack is used. A
 * {@link org.interchange.it.support.sip.Transport} constant opens each kind of socket (UDP, TCP, TLS), on IPv4
 * or IPv6 loopback ({@link org.interchange.it.support.sip.IpFamily}).
 */
package org.interchange.it.support.sip;

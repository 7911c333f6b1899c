/**
 * SIP value types for the router's beans: the request as beans see it ({@link
 * org.interchange.core.sip.InboundRequest}), the reply they decide ({@link org.interchange.core.sip.Reply}), URIs,
 * name-addresses and addresses-of-record. Immutable; parsing relies on the JAIN-SIP reference implementation's
 * parsers, which the container ships. Nothing here imports {@code javax.servlet.sip}: servlets convert at the edge.
 */
package org.interchange.core.sip;

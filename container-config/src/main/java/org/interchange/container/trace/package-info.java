/**
 * The tap on the SIP stack through which the router's tracing ({@code org.interchange.tracing}, OpenSIPS's
 * {@code siptrace}) sees every message the router sends or receives, those the stack makes on its own included
 * (100 Trying, the CANCEL of a branch, the 400 to a malformed request, the answer to a ping).
 *
 * <p>JAIN-SIP reports each message it writes to or reads from a socket to one {@code ServerLogger}, after asking its
 * stack logger whether messages are logged ({@code isLoggingEnabled(TRACE_MESSAGES)}). {@link
 * org.interchange.container.trace.TracingStackLogger} answers yes while {@link org.interchange.container.trace.SipTap}
 * has a listener, and {@link org.interchange.container.trace.TracingServerLogger} hands each message to that listener:
 * while no trace runs, the stack pays one volatile read per message and builds nothing. A malformed message the
 * router's parser refuses never reaches the stack: the parser reports it through {@link
 * org.interchange.container.trace.SipTap#refused}.
 */
package org.interchange.container.trace;

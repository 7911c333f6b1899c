/**
 * This is our siptrace module: selective tracing of the SIP messages the router sends and receives, switched on and
 * off at run time, to Homer over HEP version 3 and to the {@code sip_trace} table.
 *
 * <p>Counterpart of OpenSIPS's {@code siptrace} with {@code proto_hep} ({@code trace_start}/{@code trace_stop} MI
 * commands, {@code hep_capture_id}) and of Kamailio's {@code siptrace} (to a {@code sipcapture} server). A trace
 * selects {@link org.interchange.tracing.Match#ALL all} messages, those of a {@link org.interchange.tracing.Match#USER
 * user} (From, To or Request-URI), those exchanged with a {@link org.interchange.tracing.Match#SOURCE peer address},
 * or those of a {@link org.interchange.tracing.Match#CALLID Call-ID}, and sends them to {@code hep}, {@code database}
 * or both. The MI's {@code trace_start} takes OpenSIPS's form: a trace named by its caller, with conditions all of
 * which a message must pass ({@link org.interchange.tracing.Match#CALLER caller}, {@link
 * org.interchange.tracing.Match#CALLEE callee}, source, Call-ID), a {@link org.interchange.tracing.Scope scope} that
 * brings the rest of a matching message's transaction or dialog (followed by Call-ID, in a bounded set per trace
 * that forgets them after a while), and a HEP collector of its own, opened while it runs. Unlike OpenSIPS, which traces what its script asks for, every message is seen, those the SIP stack makes
 * on its own included (100 Trying, the CANCEL of a branch, the 400 to a malformed request, the answer to a ping):
 * the messages come from the stack's own message logger ({@code org.interchange.container.trace}), at the sockets.
 *
 * <h2>Cost</h2>
 * While no trace runs the stack reads one volatile field per message and builds nothing. While one runs, each message
 * is tested against the traces on the SIP thread (string comparisons); a selected one is copied as text into a
 * bounded backlog per destination ({@code tracing.queue-size}), which one thread each empties: HEP over UDP without
 * waiting, over TCP with a 2 s connect and write timeout and a backoff from 1 s to 30 s after a failure, the
 * database in batches of up to 200 rows a transaction, each bounded by {@code database.timeout}; the collectors of
 * traces started with a {@code hep:} URI share a third backlog and thread, each with the same timeouts and backoff. A full backlog drops
 * the message and counts it (the statistic {@code tracing:dropped}, by destination): tracing never stalls SIP.
 *
 * <h2>Exports</h2>
 * <ul>
 *   <li>{@link org.interchange.tracing.Tracing}: {@code start} ({@code trace_start}), {@code stop}
 *       ({@code trace_stop}), {@code traces}, {@code messages} (a Call-ID's stored messages), {@code calls}
 *       (recent traced Call-IDs), {@code dropped}; the admin API's {@code /api/traces} ({@code org.interchange.mgmt})
 *       fronts them.</li>
 *   <li>Settings, {@link org.interchange.tracing.TracingSettings}: {@code tracing.hep}, {@code tracing.capture-id},
 *       {@code tracing.capture-password}, {@code tracing.hep-version} (3), {@code tracing.database},
 *       {@code tracing.queue-size}, {@code tracing.start}.</li>
 *   <li>Table {@code sip_trace} (migration V8), OpenSIPS's columns: {@code id, time_stamp, callid, trace_attrs, msg,
 *       method, status, from_proto, from_ip, from_port, to_proto, to_ip, to_port, fromtag, direction}.</li>
 *   <li>HEP3 packets as {@code internal.HepPacket} describes: addresses, ports, time, protocol type 1 (SIP), the
 *       capture id and password, the message, and the Call-ID as correlation id.</li>
 * </ul>
 * Depends on {@code core} (configuration, database, work queues). Runs the work queues {@code tracing-hep},
 * {@code tracing-db} and {@code tracing-collectors}, one thread each.
 */
package org.interchange.tracing;

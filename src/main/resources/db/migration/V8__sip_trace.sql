-- sip_trace: messages traced to the database (OpenSIPS siptrace module's table, version 5, same columns).
-- ${identity} and ${datetime} are filled in per database by the router (core.persistence.DatabaseVendor).
CREATE TABLE sip_trace (
    -- row id, in the order the messages were traced
    id BIGINT ${identity} PRIMARY KEY,
    -- when the router sent or received the message (UTC)
    time_stamp ${datetime} NOT NULL,
    -- the message's Call-ID
    callid VARCHAR(255) NOT NULL,
    -- free text about the trace (OpenSIPS's trace_attrs); not written by the router
    trace_attrs VARCHAR(255),
    -- the message: start line, header fields and body (at most 65,535 octets are kept)
    msg TEXT NOT NULL,
    -- the request's method, or the method of a response's CSeq
    method VARCHAR(32) NOT NULL,
    -- a response's status code and reason phrase; empty for a request
    status VARCHAR(255),
    -- the transport it came over (udp, tcp, tls, ws)
    from_proto VARCHAR(5) NOT NULL,
    -- the address and port it came from
    from_ip VARCHAR(50) NOT NULL,
    from_port INT NOT NULL,
    -- the transport it went over
    to_proto VARCHAR(5) NOT NULL,
    -- the address and port it went to
    to_ip VARCHAR(50) NOT NULL,
    to_port INT NOT NULL,
    -- the From tag
    fromtag VARCHAR(64) NOT NULL,
    -- in: received by the router; out: sent by it
    direction VARCHAR(4) NOT NULL
);
CREATE INDEX sip_trace_callid ON sip_trace (callid);
CREATE INDEX sip_trace_time_stamp ON sip_trace (time_stamp);

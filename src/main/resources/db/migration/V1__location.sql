-- location: the contact store of the registrar (OpenSIPS usrloc's table; names kept where they match).
-- ${identity} and ${datetime} are filled in per database by the router (core.persistence.DatabaseVendor).
CREATE TABLE location (
    -- row id
    contact_id BIGINT ${identity} PRIMARY KEY,
    -- user part of the address-of-record (canonical escaped form)
    username VARCHAR(64) NOT NULL,
    -- domain of the address-of-record (a served domain, lower case)
    domain VARCHAR(64) NOT NULL,
    -- the contact URI as registered
    contact VARCHAR(512) NOT NULL,
    -- where the REGISTER came from: transport:address:port (the packet's source, for NAT)
    received VARCHAR(128),
    -- Path header field values of the REGISTER (RFC 3327), comma-separated, outermost first
    path VARCHAR(512),
    -- expiry time, seconds since 1970-01-01 UTC
    expires BIGINT NOT NULL,
    -- q-value, 0 to 1
    q DECIMAL(4,3) NOT NULL,
    -- Call-ID of the REGISTER that last changed the binding
    callid VARCHAR(255) NOT NULL,
    -- CSeq number of that REGISTER
    cseq BIGINT NOT NULL,
    -- when the binding last changed (UTC)
    last_modified ${datetime} NOT NULL,
    -- User-Agent of that REGISTER
    user_agent VARCHAR(255) NOT NULL,
    -- the listener the REGISTER arrived on, transport:address:port; the contact is reached through it
    socket VARCHAR(128)
);
CREATE INDEX location_aor ON location (username, domain);
CREATE INDEX location_expires ON location (expires);

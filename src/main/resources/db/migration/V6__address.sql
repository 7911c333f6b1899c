-- address: address groups, the sources the routing logic recognises by network, port and transport (OpenSIPS
-- permissions module's table, schema version 5: same columns, same defaults). Loaded whole into memory; changes
-- made with SQL take effect at the next reload (POST /api/address/reload).
CREATE TABLE address (
    -- row id
    id BIGINT ${identity} PRIMARY KEY,
    -- the group the row belongs to, 0 or more; a check for group 0 looks in every group
    grp INT DEFAULT 0 NOT NULL,
    -- IP address, IPv4 or IPv6, as text; with mask, the network
    ip VARCHAR(50) NOT NULL,
    -- prefix length of the network: 0..32 for IPv4, 0..128 for IPv6; 32 or 128 for one host (the default, 32, is
    -- one IPv4 host: give 128 for one IPv6 host)
    mask INT DEFAULT 32 NOT NULL,
    -- port, 1..65535; 0 matches any port
    port INT DEFAULT 0 NOT NULL,
    -- transport: any, udp, tcp, tls, sctp, ws or wss; none disables the row
    proto VARCHAR(4) DEFAULT 'any' NOT NULL,
    -- shell wildcard pattern (fnmatch: *, ?, [...]) the string given to a check must match; null for none
    pattern VARCHAR(64),
    -- extra context, not interpreted: handed to the routing logic with the row that matched
    context_info VARCHAR(32)
);

-- domain: domains served besides those of the configuration (OpenSIPS domain module's table).
CREATE TABLE domain (
    -- row id
    id BIGINT ${identity} PRIMARY KEY,
    -- the domain, lower case
    domain VARCHAR(64) NOT NULL,
    -- attributes, free text (reserved for routing logic)
    attrs VARCHAR(255),
    -- when the row last changed (UTC)
    last_modified ${datetime} NOT NULL,
    CONSTRAINT domain_domain UNIQUE (domain)
);

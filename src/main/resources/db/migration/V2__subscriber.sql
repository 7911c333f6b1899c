-- subscriber: users that authenticate (OpenSIPS auth_db's table). Only HA1 hashes are stored, never passwords.
CREATE TABLE subscriber (
    -- row id
    id BIGINT ${identity} PRIMARY KEY,
    -- user name, the user part of the address-of-record
    username VARCHAR(64) NOT NULL,
    -- domain of the user; also the digest realm
    domain VARCHAR(64) NOT NULL,
    -- contact e-mail, informational
    email_address VARCHAR(128),
    -- MD5(username:domain:password), hex
    ha1 VARCHAR(64) NOT NULL,
    -- SHA-256(username:domain:password), hex (RFC 8760)
    ha1_sha256 VARCHAR(64) NOT NULL,
    -- SHA-512/256(username:domain:password), hex (RFC 8760)
    ha1_sha512t256 VARCHAR(64) NOT NULL,
    CONSTRAINT subscriber_account UNIQUE (username, domain)
);

-- dialplan: translation rules (OpenSIPS dialplan module's table, version 5, with wider text columns).
-- ${identity} is filled in per database by the router (core.persistence.DatabaseVendor).
CREATE TABLE dialplan (
    -- row id; among rules of equal priority, the lower id is tried first
    id BIGINT ${identity} PRIMARY KEY,
    -- the rule set (dialplan id) the rule belongs to; translate names the set
    dpid INT NOT NULL,
    -- priority within the set: lower values are tried first
    pr INT DEFAULT 0 NOT NULL,
    -- how match_exp is compared with the input: 0 equal, 1 regular expression (both OpenSIPS), 2 prefix (ours)
    match_op INT NOT NULL,
    -- the string (equal, prefix) or regular expression (regex, searched anywhere in the input) to match
    match_exp VARCHAR(255) NOT NULL,
    -- 0 case-sensitive, 1 case-insensitive (match_exp and subst_exp)
    match_flags INT DEFAULT 0 NOT NULL,
    -- regular expression applied to the input to build the output; empty: repl_exp is the whole output
    subst_exp VARCHAR(255),
    -- the output: \0 to \9 stand for subst_exp's groups; empty: the input is left as it is
    repl_exp VARCHAR(255),
    -- time recurrence in which the rule applies (as OpenSIPS's check_time_rec); empty: always
    timerec VARCHAR(255),
    -- 1: the rule is kept but not used
    disabled INT DEFAULT 0 NOT NULL,
    -- free text handed to routing logic with the output; the word continue chains the next matching rule
    attrs VARCHAR(255)
);
CREATE INDEX dialplan_dpid ON dialplan (dpid, pr);

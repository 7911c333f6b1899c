-- MariaDB only (db/vendor/mariadb): its default collation compares text without case, but the user part of a SIP
-- URI is case-sensitive (RFC 3261 19.1.4): Alice and alice are two subscribers, with two sets of bindings.
ALTER TABLE subscriber MODIFY username VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE location MODIFY username VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

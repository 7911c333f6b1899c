/**
 * This is our auth module: HTTP digest authentication of SIP requests (RFC 3261 22, RFC 7616, RFC 8760) against
 * the {@code subscriber} table, and the subscriber provisioning behind the admin API.
 *
 * <p>Counterpart of OpenSIPS's auth and auth_db modules ({@code www_authorize}, {@code proxy_authorize}). Only
 * HA1 hashes are stored (columns {@code ha1}, {@code ha1_sha256}, {@code ha1_sha512t256}); plain passwords never
 * reach the database. Challenges offer every configured algorithm in the configured order (MD5 alone by
 * default, SHA-256 and SHA-512-256 on request, see {@link org.interchange.auth.AuthSettings}) with
 * {@code qop="auth"}; nonces are stateless (time-stamped and signed), expire with {@code stale=true}, and a nonce
 * count may not be used twice.
 *
 * <p>Exports {@link org.interchange.auth.Authenticator} (authenticate or challenge a request) and
 * {@link org.interchange.auth.Subscribers} (lookup and provisioning: {@code subscriber:add}, {@code :remove},
 * {@code :list}). Config: {@code auth.register} (REGISTER needs credentials, default true), {@code auth.methods}
 * (methods a local user must authenticate, default INVITE, MESSAGE, SUBSCRIBE, PUBLISH, REFER),
 * {@code auth.trusted-networks} (sources exempt from that), {@code auth.algorithms} (default MD5),
 * {@code auth.nonce-lifetime} (seconds, default 300), {@code auth.secret} (nonce signing key; default generated once
 * into {@code nonce-secret} of the data directory), {@code auth.subscriber-refresh} (seconds, default 60). Timers:
 * {@code auth-nonce-counts}, which forgets nonce counts of expired nonces; {@code auth-subscriber-refresh}, which
 * reloads the subscriber table into memory. Table: {@code subscriber}, kept in memory (about 600 bytes a
 * subscriber): authentication never reads the database, and keeps working while it is down. A nonce issued before
 * the router's start is stale (nonce counts are in memory only), so phones re-authenticate at once after a restart.
 *
 * <p>{@code reload} of the configuration applies {@code auth.register}, {@code auth.methods},
 * {@code auth.trusted-networks} and {@code auth.algorithms} to the next request; the nonce lifetime and secret and
 * the subscriber refresh need a restart.
 */
package org.interchange.auth;

package org.interchange.it.support.sip;

/**
 * A user of the router with the password it authenticates with.
 *
 * @param user     the user part of the address-of-record
 * @param domain   the domain, which is also the digest realm
 * @param password the plain password
 */
public record Subscriber(String user, String domain, String password) {

    /** {@code user@domain}, as the admin API names subscribers and bindings. */
    public String aor() {
        return user + "@" + domain;
    }

    /** {@code sip:user@domain}. */
    public String uri() {
        return "sip:" + aor();
    }
}

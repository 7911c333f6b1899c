package org.interchange.listener;

/**
 * The two listeners a proxied request crosses: the one facing the hop it came from and the one it leaves through.
 * When they differ, the router record-routes it twice (RFC 5658).
 *
 * @param ingress the name of the listener facing the previous hop
 * @param egress  the name of the listener the request leaves through
 */
public record Crossing(String ingress, String egress) {
}

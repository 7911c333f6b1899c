package org.interchange.listener;

/**
 * The two listeners a proxied request crosses: the one facing the hop it came from and the one it leaves through.
 * When they differ, the router record-routes it twice (RFC 5658).
 *
 * @param ingress           the name of the listener facing the previous hop
 * @param egress            the name of the listener the request leaves through
 * @param ingressOwnAddress whether the previous hop is shown the ingress listener's own address, not its advertised
 *                          one (see {@link Listeners#showsOwnAddressTo})
 * @param egressOwnAddress  the same for the next hop and the egress listener
 */
public record Crossing(String ingress, String egress, boolean ingressOwnAddress, boolean egressOwnAddress) {
}

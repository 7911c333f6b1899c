package org.interchange.permissions;

import java.net.InetAddress;
import java.util.Optional;

import org.interchange.container.config.IpAddresses;
import org.interchange.permissions.internal.Wildcard;

/**
 * What a row of the address table says: a network, a port and a transport that belong to a group, with an optional
 * wildcard pattern and context. Validated: every instance can be matched.
 *
 * @param group       the group, 0 or more (0 is a group like the others, but a check for group 0 looks in all)
 * @param ip          an address of the network; the bits beyond {@code mask} are ignored
 * @param mask        the prefix length: 0..32 for IPv4, 0..128 for IPv6
 * @param port        1..65535, or 0 for any port
 * @param proto       the transport, or {@link Proto#ANY}
 * @param pattern     a shell wildcard pattern (as fnmatch's) the string given to a check must match, at most 64
 *                    characters; empty for none
 * @param contextInfo free text handed back with a match, at most 32 characters
 */
public record AddressRule(int group, InetAddress ip, int mask, int port, Proto proto, Optional<String> pattern,
                          Optional<String> contextInfo) {

    static final int MAX_PATTERN = 64;
    static final int MAX_CONTEXT_INFO = 32;
    private static final int MAX_PORT = 65535;

    public AddressRule {
        if (group < 0) {
            throw new InvalidAddressException("grp " + group + " is negative; expected 0 or more");
        }
        if (ip == null) {
            throw new InvalidAddressException("ip is missing; expected an IPv4 or IPv6 address");
        }
        int bits = ip.getAddress().length * 8;
        if (mask < 0 || mask > bits) {
            throw new InvalidAddressException("mask " + mask + " is not in 0.." + bits + " for the IPv"
                    + (bits == 32 ? 4 : 6) + " address " + IpAddresses.text(ip));
        }
        if (port < 0 || port > MAX_PORT) {
            throw new InvalidAddressException("port " + port + " is not in 0..65535 (0 for any)");
        }
        if (proto == null) {
            throw new InvalidAddressException("proto is missing; expected any, udp, tcp, tls, sctp, ws, wss or none");
        }
        pattern = pattern.filter(text -> !text.isEmpty());
        contextInfo = contextInfo.filter(text -> !text.isEmpty());
        if (pattern.isPresent() && pattern.get().length() > MAX_PATTERN) {
            throw new InvalidAddressException("pattern is longer than " + MAX_PATTERN + " characters");
        }
        pattern.ifPresent(AddressRule::compile);
        if (contextInfo.isPresent() && contextInfo.get().length() > MAX_CONTEXT_INFO) {
            throw new InvalidAddressException("context_info is longer than " + MAX_CONTEXT_INFO + " characters");
        }
    }

    /**
     * A rule from the columns' values as text and numbers, as the admin API and the table give them.
     *
     * @param ip          an IPv4 or IPv6 literal (brackets allowed), never a host name
     * @param mask        the prefix length; null for one host (32 or 128, by the address's family)
     * @param proto       a {@link Proto} name, any case; null or empty for any
     * @param pattern     null or empty for none
     * @param contextInfo null or empty for none
     * @throws InvalidAddressException naming the field that is wrong
     */
    public static AddressRule of(int group, String ip, Integer mask, int port, String proto, String pattern,
                                 String contextInfo) {
        if (ip == null || ip.isBlank()) {
            throw new InvalidAddressException("ip is missing; expected an IPv4 or IPv6 address");
        }
        InetAddress address = IpAddresses.parseLiteral(ip.trim())
                .orElseThrow(() -> new InvalidAddressException("ip '" + ip + "' is not an IPv4 or IPv6 address"));
        return new AddressRule(group, address, mask != null ? mask : address.getAddress().length * 8, port,
                proto == null ? Proto.ANY : Proto.parse(proto.trim()), Optional.ofNullable(pattern),
                Optional.ofNullable(contextInfo));
    }

    /** The address in its canonical text ({@code 10.0.0.1}, {@code 2001:db8::1}). */
    public String ipText() {
        return IpAddresses.text(ip);
    }

    /** The pattern, compiled. */
    Optional<Wildcard> wildcard() {
        return pattern.map(AddressRule::compile);
    }

    private static Wildcard compile(String pattern) {
        try {
            return Wildcard.compile(pattern);
        } catch (IllegalArgumentException e) {
            throw new InvalidAddressException("pattern '" + pattern + "' is not a wildcard pattern: "
                    + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "grp " + group + " " + ipText() + "/" + mask + " port " + (port == 0 ? "any" : port) + " proto "
                + proto.token() + pattern.map(p -> " pattern " + p).orElse("")
                + contextInfo.map(c -> " context_info " + c).orElse("");
    }
}

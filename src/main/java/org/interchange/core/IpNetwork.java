package org.interchange.core;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP network, {@code 203.0.113.0/24} or {@code 2001:db8::/32}; a bare address is a /32 or /128. Used for trusted
 * networks and source-address rules.
 */
public record IpNetwork(InetAddress base, int prefixLength) {

    private static final Pattern LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    public IpNetwork {
        int bits = base.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length /" + prefixLength + " is not in 0.." + bits);
        }
    }

    /** Parses {@code address[/prefix]}; the address must be a literal. */
    public static IpNetwork parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        InetAddress base = literal(slash < 0 ? trimmed : trimmed.substring(0, slash))
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an IP address or network"));
        int bits = base.getAddress().length * 8;
        try {
            return new IpNetwork(base, slash < 0 ? bits : Integer.parseInt(trimmed.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': the prefix length is not a number");
        }
    }

    /** Whether the address lies in this network; an address of the other family never does. */
    public boolean contains(InetAddress address) {
        byte[] network = base.getAddress();
        byte[] candidate = address.getAddress();
        if (network.length != candidate.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (network[i] != candidate[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (network[full] & mask) == (candidate[full] & mask);
    }

    /** Whether an address, as text, lies in this network; a host name never does. */
    public boolean contains(String address) {
        return literal(address).map(this::contains).orElse(false);
    }

    /** An IP address literal ({@code 198.51.100.1}, {@code ::1}, {@code [::1]}); never a name lookup. */
    public static Optional<InetAddress> literal(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!LITERAL.matcher(bare).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return base.getHostAddress() + "/" + prefixLength;
    }
}

package org.interchange.core;

import java.net.InetAddress;

import org.interchange.container.config.IpAddresses;

/**
 * An IP network, {@code 203.0.113.0/24} or {@code 2001:db8::/32}; a bare address is a /32 or /128. Used for trusted
 * networks and source-address rules.
 */
public record IpNetwork(InetAddress base, int prefixLength) {


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
        InetAddress base = IpAddresses.parseLiteral(slash < 0 ? trimmed : trimmed.substring(0, slash))
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
        return IpAddresses.parseLiteral(address).map(this::contains).orElse(false);
    }

    @Override
    public String toString() {
        return base.getHostAddress() + "/" + prefixLength;
    }
}

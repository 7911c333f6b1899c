package org.interchange.it.support.sip;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** IPv4 or IPv6, with its loopback address: the only addresses these tests use. */
public enum IpFamily {
    IPV4("127.0.0.1"),
    IPV6("::1");

    private final String loopback;

    IpFamily(String loopback) {
        this.loopback = loopback;
    }

    /** 127.0.0.1 or ::1. */
    public InetAddress loopback() {
        try {
            return InetAddress.getByName(loopback); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The family of an address. */
    public static IpFamily of(InetAddress address) {
        return address instanceof Inet6Address ? IPV6 : IPV4;
    }

    /**
     * An address as the host part of a SIP URI or Via: IPv6 in brackets, the IPv6 loopback in its short form
     * ({@code [::1]}, not Java's {@code [0:0:0:0:0:0:0:1]}).
     */
    public static String uriHost(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        return address.equals(IPV6.loopback()) ? "[::1]" : "[" + address.getHostAddress() + "]";
    }
}

package org.interchange.container.tls;

import java.net.InetAddress;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import org.interchange.container.config.IpAddresses;

/**
 * The identities a TLS server's certificate gives it, and whether one is the host the router called (RFC 5922
 * 7.1 and 7.2):
 * <ul>
 * <li>a host name matches a subjectAltName URI {@code sip:<host>} (no user part) or dNSName, exactly, ignoring
 * case, never through a wildcard; the subject's CN counts only when the certificate has neither kind;</li>
 * <li>an IP address (a Request-URI or Route naming one) matches an iPAddress subjectAltName of the same address
 * only: RFC 5922 knows no IP identities, and a CN or a DNS name proves nothing about an address.</li>
 * </ul>
 */
record ServerIdentity(List<String> domains, List<InetAddress> addresses) {

    private static final int DNS_NAME = 2;
    private static final int URI = 6;
    private static final int IP_ADDRESS = 7;

    /** The identities in {@code certificate}. */
    static ServerIdentity of(X509Certificate certificate) {
        List<String> domains = new ArrayList<>();
        List<InetAddress> addresses = new ArrayList<>();
        Collection<List<?>> alternatives;
        try {
            alternatives = Optional.ofNullable(certificate.getSubjectAlternativeNames()).orElse(List.of());
        } catch (CertificateParsingException unreadable) {
            alternatives = List.of();
        }
        boolean namesInAlternatives = false;
        for (List<?> alternative : alternatives) {
            int type = (Integer) alternative.get(0);
            String value = String.valueOf(alternative.get(1));
            namesInAlternatives |= type == DNS_NAME || type == URI;
            if (type == DNS_NAME) {
                domains.add(value.toLowerCase(Locale.ROOT));
            } else if (type == URI) {
                sipDomain(value).ifPresent(domains::add);
            } else if (type == IP_ADDRESS) {
                IpAddresses.parseLiteral(value).ifPresent(addresses::add);
            }
        }
        if (!namesInAlternatives) {
            commonName(certificate).ifPresent(domains::add);
        }
        return new ServerIdentity(List.copyOf(domains), List.copyOf(addresses));
    }

    /** Whether these identities include {@code host}, a name or an IP address literal. */
    boolean names(String host) {
        Optional<InetAddress> address = IpAddresses.parseLiteral(host);
        if (address.isPresent()) {
            return addresses.contains(address.get());
        }
        return domains.contains(host.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        Set<String> all = new LinkedHashSet<>(domains);
        addresses.forEach(a -> all.add(a.getHostAddress()));
        return all.isEmpty() ? "no SIP identity" : String.join(", ", all);
    }

    /** The domain of a {@code sip:domain} URI: a URI with a user part identifies a user, not a server. */
    private static Optional<String> sipDomain(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("sip:") || lower.indexOf('@') >= 0) {
            return Optional.empty();
        }
        String domain = lower.substring(4);
        int end = 0;
        while (end < domain.length() && ";?:>".indexOf(domain.charAt(end)) < 0) {
            end++;
        }
        return end == 0 ? Optional.empty() : Optional.of(domain.substring(0, end));
    }

    private static Optional<String> commonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return Optional.of(String.valueOf(rdn.getValue()).toLowerCase(Locale.ROOT));
                }
            }
        } catch (InvalidNameException unreadable) {
            // no CN to fall back on
        }
        return Optional.empty();
    }
}

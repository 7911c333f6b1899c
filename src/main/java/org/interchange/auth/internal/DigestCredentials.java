package org.interchange.auth.internal;

import java.text.ParseException;
import java.util.Locale;
import java.util.Optional;

import gov.nist.javax.sip.header.AuthenticationHeader;
import gov.nist.javax.sip.parser.AuthorizationParser;

/**
 * The parameters of an Authorization or Proxy-Authorization header field with the Digest scheme (RFC 7616 3.4).
 * Empty strings stand for absent parameters.
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
                                String algorithm, String qop, String nonceCount, String cnonce) {

    /**
     * Parses a header value; empty when it is not a Digest credential (another scheme such as
     * {@code NoOneKnowsThisScheme}) or does not parse.
     */
    public static Optional<DigestCredentials> parse(String value) {
        AuthenticationHeader header;
        try {
            header = (AuthenticationHeader) new AuthorizationParser("Authorization: " + value + "\n").parse();
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
        if (!"digest".equalsIgnoreCase(header.getScheme())) {
            return Optional.empty();
        }
        return Optional.of(new DigestCredentials(param(header, "username"), param(header, "realm"),
                param(header, "nonce"), param(header, "uri"), param(header, "response"),
                param(header, "algorithm").isEmpty() ? "MD5" : param(header, "algorithm"),
                param(header, "qop").toLowerCase(Locale.ROOT), param(header, "nc"), param(header, "cnonce")));
    }

    private static String param(AuthenticationHeader header, String name) {
        String value = header.getParameter(name);
        return value == null ? "" : value;
    }
}

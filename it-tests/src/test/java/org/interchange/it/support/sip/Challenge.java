package org.interchange.it.support.sip;

import java.util.Optional;

import gov.nist.javax.sip.header.AuthenticationHeader;

/**
 * One digest challenge of a 401 (WWW-Authenticate) or 407 (Proxy-Authenticate) response.
 *
 * @param header    the header field it came in
 * @param realm     the realm
 * @param nonce     the nonce
 * @param algorithm the algorithm token, {@code MD5} when the challenge names none (RFC 7616 3.3)
 * @param qop       the qop options, as written (such as {@code auth})
 * @param opaque    the opaque value to send back
 * @param stale     whether the credentials were refused only because their nonce expired
 */
public record Challenge(String header, String realm, String nonce, String algorithm, Optional<String> qop,
                        Optional<String> opaque, boolean stale) {

    static Challenge of(String headerName, AuthenticationHeader header) {
        return new Challenge(headerName, header.getRealm(), header.getNonce(),
                Optional.ofNullable(header.getAlgorithm()).orElse("MD5"), Optional.ofNullable(header.getQop()),
                Optional.ofNullable(header.getOpaque()), "true".equalsIgnoreCase(header.getParameter("stale")));
    }

    /** The header field that answers it: Authorization for WWW-Authenticate, Proxy-Authorization otherwise. */
    public String credentialsHeader() {
        return header.equalsIgnoreCase("WWW-Authenticate") ? "Authorization" : "Proxy-Authorization";
    }
}

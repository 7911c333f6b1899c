package org.interchange.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.interchange.core.sip.Reply;
import org.interchange.core.sip.Reply.SipHeader;

/**
 * A user agent's side of digest authentication (RFC 7616 3.4 with qop=auth): answers a 401 or 407 with the
 * credentials for one of its challenges.
 */
public final class DigestClient {

    private static final Pattern PARAM = Pattern.compile("([A-Za-z-]+)=(?:\"([^\"]*)\"|([^\\s,]+))");
    private static final String CNONCE = "0a4f113b";

    private final String username;
    private final String password;

    public DigestClient(String username, String password) {
        this.username = username;
        this.password = password;
    }

    /** Answers the first challenge of the reply (the server's preferred algorithm) with nonce count 1. */
    public String answer(Reply challenge, String method, String uri) {
        Map<String, String> first = params(challenge.headers().get(0).value());
        return answer(challenge, method, uri, DigestAlgorithm.byToken(first.get("algorithm")).orElseThrow(), 1);
    }

    /** Answers the challenge of {@code algorithm} with nonce count 1. */
    public String answer(Reply challenge, String method, String uri, DigestAlgorithm algorithm) {
        return answer(challenge, method, uri, algorithm, 1);
    }

    /** Answers the challenge of {@code algorithm} with the given nonce count. */
    public String answer(Reply challenge, String method, String uri, DigestAlgorithm algorithm, long nonceCount) {
        Map<String, String> offered = challengeOf(challenge, algorithm);
        return credentials(offered.get("realm"), offered.get("nonce"), method, uri, algorithm, false, nonceCount);
    }

    /** Answers the challenge of {@code algorithm} with its session variant ({@code MD5-sess}). */
    public String answerWithSession(Reply challenge, String method, String uri, DigestAlgorithm algorithm) {
        Map<String, String> offered = challengeOf(challenge, algorithm);
        return credentials(offered.get("realm"), offered.get("nonce"), method, uri, algorithm, true, 1);
    }

    /** Credentials for an explicit realm and nonce, as a client that got them elsewhere would send. */
    public String credentials(String realm, String nonce, String method, String uri, DigestAlgorithm algorithm,
                              boolean session, long nonceCount) {
        String nc = String.format("%08x", nonceCount);
        String ha1 = algorithm.ha1(username, realm, password);
        if (session) {
            ha1 = algorithm.hash(ha1 + ":" + nonce + ":" + CNONCE);
        }
        String ha2 = algorithm.hash(method + ":" + uri);
        String response = algorithm.hash(ha1 + ":" + nonce + ":" + nc + ":" + CNONCE + ":auth:" + ha2);
        return "Digest username=\"" + username + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\""
                + uri + "\", response=\"" + response + "\", algorithm=" + algorithm.token() + (session ? "-sess" : "")
                + ", qop=auth, nc=" + nc + ", cnonce=\"" + CNONCE + "\"";
    }

    /** The parameters of the challenge that offers {@code algorithm}. */
    public static Map<String, String> challengeOf(Reply challenge, DigestAlgorithm algorithm) {
        return challenge.headers().stream()
                .filter(header -> header.name().endsWith("-Authenticate"))
                .map(SipHeader::value)
                .map(DigestClient::params)
                .filter(params -> algorithm.token().equalsIgnoreCase(params.get("algorithm")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + algorithm.token() + " challenge in " + challenge));
    }

    private static Map<String, String> params(String challenge) {
        Map<String, String> params = new HashMap<>();
        Matcher matcher = PARAM.matcher(challenge);
        while (matcher.find()) {
            params.put(matcher.group(1).toLowerCase(), matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
        }
        return params;
    }
}

package org.interchange.routing;

import java.util.Optional;

import org.interchange.core.sip.Endpoint;
import org.interchange.core.sip.Reply;

/**
 * What an error hook sees (OpenSIPS's {@code error_route}): a request that could not be parsed, what was wrong with
 * it, where it came from, and the answer the router gives unless a hook decides otherwise.
 *
 * @param problem     what was wrong ({@code $err.rreason})
 * @param source      where it came from
 * @param method      its method, when the request line could be read
 * @param defaultReply the router's answer: 400 with the problem, or 505
 */
public record ErrorContext(String problem, Endpoint source, Optional<String> method, Reply defaultReply) {
}

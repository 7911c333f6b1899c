package org.interchange.it.support;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One binding as the admin API lists it ({@code GET /api/location}).
 *
 * @param contact  the contact URI
 * @param q        its q-value
 * @param expires  seconds left
 * @param received where its REGISTER came from, {@code transport:address:port}
 * @param socket   the listener its REGISTER arrived on, {@code transport:address:port}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LocationBinding(String contact, double q, long expires, String callId, long cseq, String received,
                              String socket, String userAgent, List<String> path) {
}

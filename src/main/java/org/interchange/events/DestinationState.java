package org.interchange.events;

import java.util.Set;

/**
 * What a destination is doing, for the admin API ({@code GET /api/events}).
 *
 * @param name        its name in the file
 * @param transport   webhook or amqp
 * @param url         its URL without user information
 * @param events      the names it gets; empty for all
 * @param connected   AMQP: a connection is open (opened at the first event, kept, opened again after a failure);
 *                    webhook: the last request was answered 2xx
 * @param queued      events waiting for it
 * @param delivered   events it took (a webhook's 2xx, a broker's confirm)
 * @param droppedFull events dropped because its queue was full (the oldest go first)
 * @param droppedOld  events dropped undelivered because they were older than {@code events.max-age}
 * @param failures    failed attempts in a row (0 when the last one succeeded)
 * @param lastError   what went wrong last, or null
 * @param lastErrorAt when, ISO 8601 UTC ({@code 2026-12-07T02:10:04.512Z}), or null
 */
public record DestinationState(String name, String transport, String url, Set<String> events, boolean connected,
                               int queued, long delivered, long droppedFull, long droppedOld, int failures,
                               String lastError, String lastErrorAt) {
}

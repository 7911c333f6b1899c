/**
 * This is our events module: the router's events, delivered outside to HTTP webhooks and to RabbitMQ, a counterpart
 * of OpenSIPS's event interface ({@code event_route} for scripts, {@code event_rabbitmq}, {@code event_virtual},
 * {@code event_routing}) and of Kamailio's {@code evapi}, {@code rabbitmq} and {@code http_async_client}.
 *
 * <p>Inside the WAR the events are CDI events of the capabilities that raise them, observed with {@code @Observes}
 * (OpenSIPS's {@code event_route}): {@link org.interchange.location.RegistrationEvent} (a binding added, refreshed,
 * removed or expired) and {@link org.interchange.listener.SocketFallback} (the socket policy passed over a rule's
 * listener, or the kernel's source address). {@link org.interchange.events.CapabilityEvents} turns each into a
 * {@link org.interchange.events.RouterEvent} with an OpenSIPS-like name ({@link org.interchange.events.EventNames}:
 * {@code E_UL_CONTACT_INSERT}, {@code _UPDATE}, {@code _DELETE}, {@code E_SOCKET_FALLBACK}, {@code E_DATABASE_DOWN},
 * {@code _UP}) and hands it to {@link org.interchange.events.Events}, which later capabilities and integrators call
 * with events of their own.
 *
 * <p>Outside, every destination ({@code events.destination.<name>.url}: {@code http(s)://} a webhook, POSTed each
 * event as JSON; {@code amqp(s)://} a RabbitMQ broker, each event a persistent message to a topic exchange, routing
 * key its name, confirmed by the broker) has its own bounded queue and one delivery thread (work queue
 * {@code events}): a SIP thread only queues. A failed delivery is retried after {@code events.retry-initial},
 * doubling up to {@code events.retry-max}, reconnecting as needed; an event older than {@code events.max-age} is
 * dropped undelivered, and when a queue is full ({@code events.queue-size}) its oldest event makes room. So an
 * outage of a broker or webhook never holds SIP, and the destination that comes back gets only recent events, in
 * order. Each drop is counted and the log says when a destination starts failing and when it recovers.
 *
 * <p>Config: {@code events.node}, {@code events.queue-size}, {@code events.max-age}, {@code events.retry-initial},
 * {@code events.retry-max}, {@code events.timeout}, {@code events.destination.<name>.url}, {@code .events},
 * {@code .header}, {@code .secret}, {@code .exchange} ({@link org.interchange.events.EventSettings}). Admin API:
 * {@code GET /api/events} (each destination's state and counters), {@code POST /api/events/test}. Depends on the
 * core, location and listener. No tables, no timers of its own (retries are one-shot tasks of the scheduler).
 */
package org.interchange.events;

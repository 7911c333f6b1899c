/**
 * What integrators implement to take part in routing: request steps and the hooks of the other route types of an
 * OpenSIPS script (branch, failure, reply, error, local, startup, timer). Each is a CDI bean in the WAR, ordered by
 * {@code @javax.annotation.Priority}; events ({@code event_route}) are CDI observers of the events the router fires,
 * such as {@link org.interchange.location.RegistrationEvent}.
 */
package org.interchange.routing.spi;

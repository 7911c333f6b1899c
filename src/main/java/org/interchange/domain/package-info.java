/**
 * This is our domain module: which domains the router serves, and which names mean the router itself.
 *
 * <p>Counterpart of OpenSIPS's domain module ({@code is_domain_local}) and core {@code alias}. A request whose
 * Request-URI host is a served domain, or an alias of the router, is for our users: the registrar takes its
 * REGISTERs and the proxy looks its targets up in location; anything else is relayed.
 *
 * <p>Exports {@link org.interchange.domain.Domains} (queries and the admin commands add/remove/list). Config:
 * {@code domains} (served domains, comma-separated; the first is the default domain) and {@code aliases} (other
 * names and addresses of the router; listener addresses are aliases without being listed). An alias used as the
 * host of an address-of-record stands for the default domain. Table: {@code domain}, whose rows are served too.
 *
 * <p>MI commands ({@link org.interchange.domain.DomainCommands}): {@code domain_dump}, {@code domain_reload}.
 * {@code reload} of the configuration applies {@code domains} and {@code aliases} to the next request.
 */
package org.interchange.domain;

package org.interchange.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.annotation.PostConstruct;
import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.event.Observes;
import javax.inject.Inject;

import org.interchange.container.config.IpAddresses;
import org.interchange.container.config.RouterConfiguration;
import org.interchange.container.config.SipListener;
import org.interchange.core.RouterStarting;
import org.interchange.core.persistence.Database;
import org.interchange.domain.internal.DomainTable;

/**
 * The served domains and the router's aliases. Thread-safe; lookups read an immutable snapshot that admin commands
 * replace.
 */
@ApplicationScoped
public class Domains {

    private List<String> configured;
    private Set<String> aliases;
    private DomainTable table;
    private volatile Snapshot snapshot;

    private record Snapshot(List<String> served, Set<String> servedSet) {
    }

    protected Domains() {
        // for CDI's proxy
    }

    @Inject
    public Domains(RouterConfiguration config, Database database) {
        this(config.list("domains", List.of()), aliases(config), new DomainTable(database));
    }

    Domains(List<String> configured, Set<String> aliases, DomainTable table) {
        this.configured = configured.stream().map(Domains::normalize).toList();
        this.aliases = aliases;
        this.table = table;
    }

    @PostConstruct
    void load() {
        reload();
        if (snapshot.served().isEmpty()) {
            throw new IllegalStateException("no served domain: set domains in the configuration "
                    + "or add one to the domain table");
        }
    }

    /** Whether a host (Request-URI, To) is one of ours: a served domain or an alias of the router. */
    public boolean isLocal(String host) {
        String normalized = normalize(host);
        return snapshot.servedSet().contains(normalized) || aliases.contains(normalized);
    }

    /** Whether a host names the router itself rather than a domain. */
    public boolean isAlias(String host) {
        return aliases.contains(normalize(host));
    }

    /**
     * The served domain a host stands for: the host itself when it is served, the default domain when it is an
     * alias, empty when it is not local.
     */
    public Optional<String> servedDomain(String host) {
        String normalized = normalize(host);
        if (snapshot.servedSet().contains(normalized)) {
            return Optional.of(normalized);
        }
        return aliases.contains(normalized) ? Optional.of(defaultDomain()) : Optional.empty();
    }

    /** The default domain: the first configured, else the first of the table. */
    public String defaultDomain() {
        return snapshot.served().get(0);
    }

    /** The served domains: configured first, then those of the table. */
    public List<String> served() {
        return snapshot.served();
    }

    /**
     * Adds a domain to the table ({@code domain:add}).
     *
     * @return false when it was served already
     */
    public boolean add(String domain) {
        String normalized = normalize(domain);
        if (snapshot.servedSet().contains(normalized)) {
            return false;
        }
        table.add(normalized);
        reload();
        return true;
    }

    /**
     * Removes a domain from the table ({@code domain:remove}). Configured domains stay.
     *
     * @return false when the table did not have it
     */
    public boolean remove(String domain) {
        boolean removed = table.remove(normalize(domain));
        reload();
        return removed;
    }

    /** Reads the table again ({@code domain:reload}). */
    public void reload() {
        Set<String> served = new LinkedHashSet<>(configured);
        served.addAll(table.all());
        snapshot = new Snapshot(List.copyOf(served), Set.copyOf(served));
    }

    private static Set<String> aliases(RouterConfiguration config) {
        Set<String> aliases = new LinkedHashSet<>();
        config.list("aliases", List.of()).forEach(alias -> aliases.add(normalize(alias)));
        for (SipListener listener : SipListener.allFrom(config)) {
            aliases.add(normalize(listener.bound().host()));
            listener.advertised().ifPresent(advertised -> aliases.add(normalize(advertised.host())));
        }
        return Set.copyOf(new ArrayList<>(aliases));
    }

    /** Lower case; IPv6 addresses without brackets, in their canonical text, so that [0:0::1] is ::1. */
    static String normalize(String host) {
        String lower = host.trim().toLowerCase(Locale.ROOT);
        String bare = lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
        return bare.indexOf(':') < 0 ? bare : IpAddresses.parseLiteral(bare).map(IpAddresses::text).orElse(bare);
    }

    /** Makes the bean ready (its {@code @PostConstruct} runs) before the router takes traffic. */
    void start(@Observes RouterStarting starting) {
        // nothing more: being called instantiates the bean
    }
}

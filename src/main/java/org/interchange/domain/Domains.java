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
import org.interchange.core.Reloading;
import org.interchange.core.RouterStarting;
import org.interchange.core.persistence.Database;
import org.interchange.domain.internal.DomainTable;

/**
 * The served domains and the router's aliases. Thread-safe; lookups read an immutable snapshot that admin commands
 * replace.
 */
@ApplicationScoped
public class Domains {

    private DomainTable table;
    private volatile Snapshot snapshot;

    /** What lookups read: the configured domains, the table's, both together (configured first) and the aliases. */
    private record Snapshot(List<String> configured, List<String> fromTable, List<String> served,
                            Set<String> servedSet, Set<String> aliases) {

        static Snapshot of(List<String> configured, List<String> fromTable, Set<String> aliases) {
            Set<String> served = new LinkedHashSet<>(configured);
            served.addAll(fromTable);
            return new Snapshot(configured, fromTable, List.copyOf(served), Set.copyOf(served), aliases);
        }
    }

    protected Domains() {
        // for CDI's proxy
    }

    @Inject
    public Domains(RouterConfiguration config, Database database) {
        this(config.list("domains", List.of()), aliases(config), new DomainTable(database));
    }

    Domains(List<String> configured, Set<String> aliases, DomainTable table) {
        this.table = table;
        this.snapshot = Snapshot.of(normalized(configured), List.of(), aliases);
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
        Snapshot current = snapshot;
        return current.servedSet().contains(normalized) || current.aliases().contains(normalized);
    }

    /** Whether a host names the router itself rather than a domain. */
    public boolean isAlias(String host) {
        return snapshot.aliases().contains(normalize(host));
    }

    /**
     * The served domain a host stands for: the host itself when it is served, the default domain when it is an
     * alias, empty when it is not local.
     */
    public Optional<String> servedDomain(String host) {
        String normalized = normalize(host);
        Snapshot current = snapshot;
        if (current.servedSet().contains(normalized)) {
            return Optional.of(normalized);
        }
        return current.aliases().contains(normalized) ? Optional.of(current.served().get(0)) : Optional.empty();
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
    public synchronized boolean add(String domain) {
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
    public synchronized boolean remove(String domain) {
        boolean removed = table.remove(normalize(domain));
        reload();
        return removed;
    }

    /** Reads the table again ({@code domain:reload}). */
    public synchronized void reload() {
        Snapshot current = snapshot;
        snapshot = Snapshot.of(current.configured(), List.copyOf(table.all()), current.aliases());
    }

    /**
     * {@code reload} of the configuration: {@code domains} and {@code aliases} change for the next request (the
     * listeners' addresses, also aliases, change only with a restart).
     */
    void reloadSettings(@Observes Reloading reloading) {
        RouterConfiguration config = reloading.configuration();
        List<String> configured = normalized(config.list("domains", List.of()));
        Set<String> aliases = aliases(config);
        if (configured.isEmpty() && snapshot.fromTable().isEmpty()) {
            throw config.invalid("domains", "no served domain: set domains or add one to the domain table");
        }
        reloading.stage(List.of("domains", "aliases"), () -> {
            synchronized (this) {
                snapshot = Snapshot.of(configured, snapshot.fromTable(), aliases);
            }
        });
    }

    private static List<String> normalized(List<String> domains) {
        return domains.stream().map(Domains::normalize).toList();
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

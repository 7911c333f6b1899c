package org.interchange.core;

import java.util.ArrayList;
import java.util.List;

import org.interchange.container.config.RouterConfiguration;

/**
 * Fired by {@link SettingsReload} with the configuration file read again. Each capability whose settings can change
 * at run time observes it in two steps: it builds its new settings from {@link #configuration()} at once (a bad
 * value throws, naming file, line and key, and nothing changes anywhere), and {@link #stage stages} the swap, which
 * runs only once every observer has built its own. A swap replaces one volatile reference: the SIP path reads the
 * snapshot it had or the new one, never half of each.
 */
public final class Reloading {

    private final RouterConfiguration configuration;
    private final List<String> reloadableKeys = new ArrayList<>();
    private final List<Runnable> swaps = new ArrayList<>();

    Reloading(RouterConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The configuration file as it is now, validated by each observer as it reads it. */
    public RouterConfiguration configuration() {
        return configuration;
    }

    /**
     * Stages a swap of already validated settings.
     *
     * @param keys the keys the swap applies: exact keys, or prefixes ending in a dot ({@code socket.rule.})
     * @param swap replaces the settings; must not fail
     */
    public void stage(List<String> keys, Runnable swap) {
        reloadableKeys.addAll(keys);
        swaps.add(swap);
    }

    boolean reloads(String key) {
        return reloadableKeys.stream().anyMatch(k -> k.endsWith(".") ? key.startsWith(k) : key.equals(k));
    }

    void apply() {
        swaps.forEach(Runnable::run);
    }
}

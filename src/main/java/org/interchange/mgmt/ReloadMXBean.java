package org.interchange.mgmt;

/** {@code org.interchange:type=Reload}: {@code reload} over JMX, as {@code POST /api/reload}. */
public interface ReloadMXBean {

    /**
     * Reloads {@code interchange.properties}: what changed and what needs a restart, or why the file was refused
     * (then nothing changed), as one line for a JMX console.
     */
    String reload();
}

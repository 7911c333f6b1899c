package org.interchange.health;

import java.util.List;

/**
 * An answer of the health endpoints: {@code UP} when every check is, else {@code DOWN}.
 *
 * @param status {@code UP} or {@code DOWN}
 * @param checks what was checked
 */
public record HealthReport(String status, List<Check> checks) {

    public static final String UP = "UP";
    public static final String DOWN = "DOWN";

    /**
     * One check.
     *
     * @param name   what it checks: {@code router}, {@code sip-listeners}, {@code database}
     * @param status {@code UP} or {@code DOWN}
     * @param detail what it found, in words
     */
    public record Check(String name, String status, String detail) {

        static Check of(String name, boolean up, String detail) {
            return new Check(name, up ? UP : DOWN, detail);
        }
    }

    static HealthReport of(List<Check> checks) {
        return new HealthReport(checks.stream().allMatch(check -> UP.equals(check.status())) ? UP : DOWN,
                List.copyOf(checks));
    }

    /** Whether every check is up. */
    public boolean up() {
        return UP.equals(status);
    }
}

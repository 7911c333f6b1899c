package org.interchange.routing;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Named flags, OpenSIPS's {@code setflag}/{@code isflagset}/{@code resetflag} with names instead of numbers. Message
 * flags live as long as the transaction (seen by branch, reply and failure hooks), branch flags travel with one
 * branch, script flags only through the request route. Not thread-safe: a transaction's hooks run one at a time.
 */
public final class Flags {

    /** Message flag the source-group step sets for a request from a trusted address group. */
    public static final String TRUSTED = "TRUSTED";

    private final Set<String> set = new TreeSet<>();

    public void set(String name) {
        set.add(checked(name));
    }

    public void reset(String name) {
        set.remove(name);
    }

    public boolean isSet(String name) {
        return set.contains(name);
    }

    /** The flags that are set, sorted. */
    public SortedSet<String> names() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(set));
    }

    /** A copy, for a branch that inherits another's flags. */
    public Flags copy() {
        Flags copy = new Flags();
        copy.set.addAll(set);
        return copy;
    }

    private static String checked(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a flag needs a name");
        }
        return name;
    }

    @Override
    public String toString() {
        return set.toString();
    }
}

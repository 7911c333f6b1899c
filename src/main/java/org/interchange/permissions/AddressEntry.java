package org.interchange.permissions;

/** A row of the address table: its id and what it says. */
public record AddressEntry(long id, AddressRule rule) {

    @Override
    public String toString() {
        return "address row " + id + " (" + rule + ")";
    }
}

package org.interchange.domain.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.interchange.core.persistence.Database;

/** Reads and writes the {@code domain} table. */
public class DomainTable {

    private final Database database;

    public DomainTable(Database database) {
        this.database = database;
    }

    /** All domains of the table, in the order they were added. */
    public List<String> all() {
        return database.transaction(em -> em
                .createQuery("select d.domain from DomainEntity d order by d.id", String.class)
                .getResultList());
    }

    public void add(String domain) {
        database.run(em -> em.persist(new DomainEntity(domain, LocalDateTime.now(ZoneOffset.UTC))));
    }

    /** @return whether a row was removed */
    public boolean remove(String domain) {
        return database.transaction(em -> em
                .createQuery("delete from DomainEntity d where d.domain = :domain")
                .setParameter("domain", domain)
                .executeUpdate()) > 0;
    }
}

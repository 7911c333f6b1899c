package org.interchange.permissions.internal;

import java.util.List;

import org.interchange.core.persistence.Database;

/**
 * Reads and writes the {@code address} table. Rows go in and out as their columns are, unchecked: the table may
 * hold rows written with SQL, which the caller validates.
 */
public class AddressTable {

    /** A row's columns; {@code id} is null for a row not yet stored, {@code pattern} and {@code contextInfo} may be. */
    public record Row(Long id, int grp, String ip, int mask, int port, String proto, String pattern,
                      String contextInfo) {
    }

    private final Database database;

    public AddressTable(Database database) {
        this.database = database;
    }

    /** Every row, by id. */
    public List<Row> all() {
        return database.transaction(em -> em
                .createQuery("select a from AddressEntity a order by a.id", AddressEntity.class)
                .getResultList().stream().map(AddressEntity::row).toList());
    }

    /** Stores a new row; its {@code id} is ignored. @return the id given to it */
    public long add(Row row) {
        return database.transaction(em -> {
            AddressEntity entity = new AddressEntity(row);
            em.persist(entity);
            em.flush();
            return entity.id;
        });
    }

    /** Replaces the columns of row {@code id}. @return whether there was such a row */
    public boolean change(long id, Row row) {
        return database.transaction(em -> {
            AddressEntity entity = em.find(AddressEntity.class, id);
            if (entity == null) {
                return false;
            }
            entity.set(row);
            return true;
        });
    }

    /** @return whether a row was removed */
    public boolean remove(long id) {
        return database.transaction(em -> em
                .createQuery("delete from AddressEntity a where a.id = :id")
                .setParameter("id", id)
                .executeUpdate()) > 0;
    }
}

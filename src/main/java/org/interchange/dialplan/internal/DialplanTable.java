package org.interchange.dialplan.internal;

import java.util.List;
import java.util.Optional;

import org.interchange.core.persistence.Database;
import org.interchange.dialplan.DialplanRule;
import org.interchange.dialplan.InvalidRuleException;

/** Reads and writes the {@code dialplan} table. */
public class DialplanTable {

    /**
     * A row as read: its rule, or why it is no rule (a column holds what no rule can, such as a match_op of 7,
     * written by SQL).
     */
    public record Row(long id, Optional<DialplanRule> rule, String problem) {
    }

    private final Database database;

    public DialplanTable(Database database) {
        this.database = database;
    }

    /** Every row, by set, priority and id. */
    public List<Row> all() {
        List<DialplanEntity> entities = database.transaction(em -> em
                .createQuery("select d from DialplanEntity d order by d.dpid, d.pr, d.id", DialplanEntity.class)
                .getResultList());
        return entities.stream().map(DialplanTable::row).toList();
    }

    /** Inserts a rule (its id is not used); the id of the row. */
    public long add(DialplanRule rule) {
        return database.transaction(em -> {
            DialplanEntity entity = new DialplanEntity(rule);
            em.persist(entity);
            em.flush();
            return entity.id();
        });
    }

    /** Replaces the values of row {@code id}; false when there is no such row. */
    public boolean change(long id, DialplanRule rule) {
        return database.transaction(em -> {
            DialplanEntity entity = em.find(DialplanEntity.class, id);
            if (entity == null) {
                return false;
            }
            entity.set(rule);
            return true;
        });
    }

    /** @return whether a row was removed */
    public boolean remove(long id) {
        return database.transaction(em -> em
                .createQuery("delete from DialplanEntity d where d.id = :id")
                .setParameter("id", id)
                .executeUpdate()) > 0;
    }

    private static Row row(DialplanEntity entity) {
        try {
            return new Row(entity.id(), Optional.of(entity.rule()), "");
        } catch (InvalidRuleException e) {
            return new Row(entity.id(), Optional.empty(), e.getMessage());
        }
    }
}

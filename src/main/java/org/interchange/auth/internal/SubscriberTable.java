package org.interchange.auth.internal;

import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.interchange.core.persistence.Database;

/** Reads and writes the {@code subscriber} table. */
public class SubscriberTable {

    private final Database database;

    public SubscriberTable(Database database) {
        this.database = database;
    }

    public Optional<SubscriberEntity> find(String username, String domain) {
        return database.transaction(em -> find(em, username, domain));
    }

    /** Inserts a subscriber, or replaces the hashes of an existing one. */
    public void save(String username, String domain, String ha1, String ha1Sha256, String ha1Sha512t256) {
        database.run(em -> {
            SubscriberEntity subscriber = find(em, username, domain)
                    .orElseGet(() -> new SubscriberEntity(username, domain));
            subscriber.setHashes(ha1, ha1Sha256, ha1Sha512t256);
            if (!em.contains(subscriber)) {
                em.persist(subscriber);
            }
        });
    }

    /** @return whether a row was removed */
    public boolean remove(String username, String domain) {
        return database.transaction(em -> find(em, username, domain).map(subscriber -> {
            em.remove(subscriber);
            return true;
        }).orElse(false));
    }

    /** All subscribers, by domain then user. */
    public List<SubscriberEntity> all() {
        return database.transaction(em -> em
                .createQuery("select s from SubscriberEntity s order by s.domain, s.username", SubscriberEntity.class)
                .getResultList());
    }

    /**
     * The subscriber of exactly this user name: the user part is case-sensitive (RFC 3261 19.1.4), but MariaDB's
     * default collation compares without case, so the database's match is checked again here.
     */
    private static Optional<SubscriberEntity> find(EntityManager em, String username, String domain) {
        return em.createQuery(
                        "select s from SubscriberEntity s where s.username = :username and s.domain = :domain",
                        SubscriberEntity.class)
                .setParameter("username", username)
                .setParameter("domain", domain)
                .getResultStream()
                .filter(subscriber -> subscriber.username().equals(username))
                .findFirst();
    }
}

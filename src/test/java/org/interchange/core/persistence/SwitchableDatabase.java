package org.interchange.core.persistence;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.persistence.EntityManager;

/**
 * A database a test can take away and give back, as an outage that ends, counting the transactions that reach it.
 * While it is down, every transaction fails as {@link Database#transaction} fails on an unreachable server.
 */
public final class SwitchableDatabase extends Database {

    private final Database database;
    private final AtomicInteger transactions = new AtomicInteger();
    private volatile boolean down;

    public SwitchableDatabase(Database database) {
        this.database = database;
    }

    /** Every transaction fails from now on, until {@link #up}. */
    public void down() {
        down = true;
    }

    public void up() {
        down = false;
    }

    /** The transactions that reached the database since the last call. */
    public int transactionsSinceLastAsked() {
        return transactions.getAndSet(0);
    }

    @Override
    public <T> T transaction(Function<EntityManager, T> work) {
        if (down) {
            throw new DatabaseUnavailableException("database unavailable: switched off by the test", null);
        }
        transactions.incrementAndGet();
        return database.transaction(work);
    }
}

package org.interchange.core.persistence;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The database's meters: {@code database:transactions}, a timer of every unit of work (its count, total and
 * longest time: the latency an operator watches), and {@code database:errors} by kind ({@code unavailable},
 * {@code conflict}, {@code invalid}; what the work itself throws is not the database's error). Made once; counting
 * is an increment. Thread-safe.
 */
final class DatabaseMeters {

    private final MeterRegistry registry;
    private final Timer transactions;
    private final Counter unavailable;
    private final Counter conflict;
    private final Counter invalid;

    DatabaseMeters(MeterRegistry registry) {
        this.registry = registry;
        transactions = Timer.builder("interchange.database.transactions")
                .description("units of work run on the database, failed ones too").register(registry);
        unavailable = error("unavailable");
        conflict = error("conflict");
        invalid = error("invalid");
    }

    MeterRegistry registry() {
        return registry;
    }

    void took(long nanos) {
        transactions.record(nanos, TimeUnit.NANOSECONDS);
    }

    void failed(RuntimeException error) {
        if (error instanceof DatabaseUnavailableException) {
            unavailable.increment();
        } else if (error instanceof DataConflictException) {
            conflict.increment();
        } else if (error instanceof InvalidDataException) {
            invalid.increment();
        }
    }

    private Counter error(String kind) {
        return Counter.builder("interchange.database.errors").description("units of work the database failed")
                .tag("kind", kind).register(registry);
    }
}

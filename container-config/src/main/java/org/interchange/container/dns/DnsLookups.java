package org.interchange.container.dns;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.interchange.container.dns.DnsFailure.Kind;
import org.xbill.DNS.Cache;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.lookup.LookupSession;
import org.xbill.DNS.lookup.NoSuchDomainException;
import org.xbill.DNS.lookup.NoSuchRRSetException;

/**
 * Single DNS queries, asynchronous, cached and bounded. dnsjava's {@link LookupSession} asks and follows CNAMEs, and
 * its {@link Cache} keeps answers for their TTL up to {@code dns.cache-size} entries. On top of it: concurrent asks
 * for one name and type share one query; no more than {@code dns.max-lookups} queries are in flight; and a name that
 * does not exist, or whose servers did not answer, is remembered for {@code dns.negative-ttl} (dnsjava caches the
 * first only when the answer carries an SOA record, and never the second). Thread-safe.
 */
final class DnsLookups {

    private record Question(Name name, int type) {
    }

    /** A remembered failure: a name with no such record (an empty answer), or servers that did not answer. */
    private record Negative(Instant until, boolean unavailable) {
    }

    private final LookupSession session;
    private final DnsSettings settings;
    private final Clock clock;
    private final Semaphore inFlight;
    private final Map<Question, CompletableFuture<List<Record>>> pending = new ConcurrentHashMap<>();
    private final Map<Question, Negative> negatives = new ConcurrentHashMap<>();

    DnsLookups(Resolver resolver, DnsSettings settings, Clock clock) {
        Cache cache = new Cache(DClass.IN);
        cache.setMaxEntries(settings.cacheSize());
        cache.setMaxNCache((int) settings.negativeTtl().toSeconds());
        // /etc/hosts first, as the system resolver does; the session's own steps run on the thread that completes
        // them (dnsjava's I/O thread, or the caller's for a cached answer, which is then there at once)
        this.session = LookupSession.builder().resolver(resolver).cache(cache).defaultHostsFileParser()
                .executor(Runnable::run).build();
        this.settings = settings;
        this.clock = clock;
        this.inFlight = new Semaphore(settings.maxLookups());
    }

    /**
     * The records of that type for an absolute name, CNAMEs followed; empty when the name or the type does not
     * exist. Fails with {@link DnsFailure} ({@link Kind#UNAVAILABLE}) when the servers do not answer in time.
     */
    CompletableFuture<List<Record>> lookup(Name name, int type) {
        Question question = new Question(name, type);
        Negative negative = negatives.get(question);
        if (negative != null) {
            if (negative.until().isAfter(clock.instant())) {
                return negative.unavailable() ? unavailable(question, "did not answer (cached)")
                        : CompletableFuture.completedFuture(List.of());
            }
            negatives.remove(question, negative);
        }
        CompletableFuture<List<Record>> shared = pending.get(question);
        if (shared != null) {
            return shared;
        }
        if (!inFlight.tryAcquire()) {
            return unavailable(question, "not asked: " + settings.maxLookups() + " lookups in flight");
        }
        CompletableFuture<List<Record>> started = new CompletableFuture<>();
        shared = pending.putIfAbsent(question, started);
        if (shared != null) {
            inFlight.release();
            return shared;
        }
        session.lookupAsync(name, type).toCompletableFuture()
                .orTimeout(settings.budget().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((result, error) -> {
                    pending.remove(question);
                    inFlight.release();
                    if (error == null) {
                        List<Record> records = result.getRecords().stream().filter(r -> r.getType() == type).toList();
                        if (records.isEmpty()) {
                            remember(question, false); // an answer without records: dnsjava caches none of it
                        }
                        started.complete(records);
                        return;
                    }
                    Throwable cause = error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    boolean missing = cause instanceof NoSuchDomainException || cause instanceof NoSuchRRSetException;
                    remember(question, !missing);
                    if (missing) {
                        started.complete(List.of());
                    } else {
                        started.completeExceptionally(new DnsFailure(Kind.UNAVAILABLE,
                                describe(question) + " did not answer: " + cause, settings.negativeTtl()));
                    }
                });
        return started;
    }

    private void remember(Question question, boolean unavailable) {
        if (settings.negativeTtl().isZero()) {
            return;
        }
        Instant now = clock.instant();
        if (negatives.size() >= settings.cacheSize()) {
            negatives.values().removeIf(n -> !n.until().isAfter(now));
            if (negatives.size() >= settings.cacheSize()) {
                negatives.clear(); // a flood of failing names: forgetting them costs one query each
            }
        }
        negatives.put(question, new Negative(now.plus(settings.negativeTtl()), unavailable));
    }

    private CompletableFuture<List<Record>> unavailable(Question question, String why) {
        return CompletableFuture.failedFuture(new DnsFailure(Kind.UNAVAILABLE, describe(question) + " " + why,
                settings.negativeTtl()));
    }

    private static String describe(Question question) {
        return Type.string(question.type()) + " " + question.name();
    }
}

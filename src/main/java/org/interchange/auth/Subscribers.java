package org.interchange.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.enterprise.context.ApplicationScoped;
import javax.inject.Inject;

import org.interchange.auth.internal.SubscriberEntity;
import org.interchange.auth.internal.SubscriberTable;
import org.interchange.core.persistence.Database;
import org.interchange.core.sip.Aor;

/**
 * The subscribers: users that may authenticate, keyed by address-of-record, with their HA1 hashes. The realm of a
 * subscriber is its domain, as in OpenSIPS. Thread-safe.
 */
@ApplicationScoped
public class Subscribers {

    private SubscriberTable table;

    protected Subscribers() {
        // for CDI's proxy
    }

    @Inject
    public Subscribers(Database database) {
        this.table = new SubscriberTable(database);
    }

    /** The HA1 hash of each algorithm for a user of a realm, if the user exists. */
    public Optional<Map<DigestAlgorithm, String>> ha1s(String username, String realm) {
        return table.find(username, realm).map(Subscribers::hashes);
    }

    /** Whether an address-of-record belongs to a subscriber. */
    public boolean exists(Aor aor) {
        return table.find(aor.user(), aor.domain()).isPresent();
    }

    /**
     * Adds a subscriber, or sets the password of an existing one ({@code subscriber:add}). Only the hashes are
     * stored.
     */
    public void save(Aor aor, String password) {
        if (password.isEmpty()) {
            throw new IllegalArgumentException("the password is empty");
        }
        table.save(aor.user(), aor.domain(),
                DigestAlgorithm.MD5.ha1(aor.user(), aor.domain(), password),
                DigestAlgorithm.SHA_256.ha1(aor.user(), aor.domain(), password),
                DigestAlgorithm.SHA_512_256.ha1(aor.user(), aor.domain(), password));
    }

    /** Removes a subscriber ({@code subscriber:remove}); false when there was none. */
    public boolean remove(Aor aor) {
        return table.remove(aor.user(), aor.domain());
    }

    /** All subscribers ({@code subscriber:list}). */
    public List<Aor> list() {
        return table.all().stream().map(s -> new Aor(s.username(), s.domain())).toList();
    }

    private static Map<DigestAlgorithm, String> hashes(SubscriberEntity subscriber) {
        return Map.of(DigestAlgorithm.MD5, subscriber.ha1(),
                DigestAlgorithm.SHA_256, subscriber.ha1Sha256(),
                DigestAlgorithm.SHA_512_256, subscriber.ha1Sha512t256());
    }
}

package io.hotelkit.server;

import io.hotelkit.access.ApiKey;
import io.hotelkit.access.ApiKeys;
import io.hotelkit.access.Role;
import io.hotelkit.shared.IdGenerator;
import io.hotelkit.shared.UnitOfWork;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The bootstrap admin key, so that a new server can be administered at all. */
final class AdminKey {

    private static final System.Logger LOG = System.getLogger(AdminKey.class.getName());
    static final String NAME = "bootstrap admin";

    private AdminKey() {}

    /**
     * Stores the configured admin key (hashed) unless it is stored already, and revokes the bootstrap admin
     * keys stored before it: a new {@code HOTEL_ADMIN_KEY} replaces the old one. With none configured and
     * no key at all, makes one.
     *
     * @return the plain key made now, to be shown once; empty if none was made
     */
    static Optional<String> bootstrap(ApiKeys apiKeys, UnitOfWork transactions, @Nullable String configured, IdGenerator ids,
                                      Clock clock) {
        if (configured != null) {
            String hash = Secrets.hash(configured);
            Optional<ApiKey> stored = apiKeys.findByHash(hash);
            if (stored.isEmpty()) {
                ApiKey added = admin(hash, ids, clock);
                List<String> revoked = transactions.inTransaction(() -> {
                    List<ApiKey> previous = apiKeys.list().stream()
                            .filter(key -> key.name().equals(NAME) && key.role() == Role.ADMIN && !key.isRevoked())
                            .toList();
                    for (ApiKey key : previous) {
                        apiKeys.save(key.revoked(added.createdAt()));
                    }
                    apiKeys.save(added);
                    return previous.stream().map(ApiKey::id).toList();
                });
                LOG.log(Level.INFO, "HOTEL_ADMIN_KEY: stored as the bootstrap admin key, id " + added.id()
                        + (revoked.isEmpty() ? "" : "; revoked the previous bootstrap admin key, id " + String.join(", ", revoked)));
            } else if (stored.get().isRevoked()) {
                LOG.log(Level.WARNING, "the configured admin key (HOTEL_ADMIN_KEY) was revoked and stays revoked;"
                        + " configure a new one to administer this server");
            }
            return Optional.empty();
        }
        if (apiKeys.any()) {
            return Optional.empty();
        }
        String plain = Secrets.newKey();
        transactions.run(() -> apiKeys.save(admin(Secrets.hash(plain), ids, clock)));
        return Optional.of(plain);
    }

    private static ApiKey admin(String hash, IdGenerator ids, Clock clock) {
        return new ApiKey(ids.next(), NAME, Role.ADMIN, Set.of(), hash, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                null);
    }
}

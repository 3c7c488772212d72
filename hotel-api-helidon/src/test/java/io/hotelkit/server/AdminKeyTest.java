package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.access.ApiKeys;
import io.hotelkit.access.Role;
import io.hotelkit.memory.MemoryStorage;
import io.hotelkit.shared.Ids;
import io.hotelkit.shared.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AdminKeyTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC);
    private final Ids ids = Ids.seeded(clock, 1);
    private final MemoryStorage storage = new MemoryStorage(clock);
    private final ApiKeys apiKeys = storage.apiKeys();
    private final UnitOfWork transactions = storage.transactions();

    @Test
    void a_first_start_without_a_configured_key_makes_one_admin_key_and_shows_it() {
        var made = AdminKey.bootstrap(apiKeys, transactions, null, ids, clock);

        assertThat(made).isPresent();
        var stored = apiKeys.findByHash(Secrets.hash(made.get()));
        assertThat(stored).isPresent();
        assertThat(stored.get().role()).isEqualTo(Role.ADMIN);
        assertThat(stored.get().allProperties()).isTrue();
    }

    @Test
    void a_later_start_makes_no_key() {
        AdminKey.bootstrap(apiKeys, transactions, null, ids, clock);

        assertThat(AdminKey.bootstrap(apiKeys, transactions, null, ids, clock)).isEmpty();
        assertThat(apiKeys.list()).hasSize(1);
    }

    @Test
    void a_configured_key_is_stored_hashed_once() {
        String configured = "a-long-enough-admin-key";

        assertThat(AdminKey.bootstrap(apiKeys, transactions, configured, ids, clock)).isEmpty();
        assertThat(AdminKey.bootstrap(apiKeys, transactions, configured, ids, clock)).isEmpty();

        assertThat(apiKeys.list()).singleElement().satisfies(key -> {
            assertThat(key.hash()).isEqualTo(Secrets.hash(configured)).isNotEqualTo(configured);
            assertThat(key.role()).isEqualTo(Role.ADMIN);
        });
    }

    @Test
    void a_revoked_configured_key_stays_revoked() {
        String configured = "a-long-enough-admin-key";
        AdminKey.bootstrap(apiKeys, transactions, configured, ids, clock);
        transactions.run(() -> apiKeys.save(apiKeys.list().getFirst().revoked(clock.instant())));

        AdminKey.bootstrap(apiKeys, transactions, configured, ids, clock);

        assertThat(apiKeys.list()).singleElement().satisfies(key -> assertThat(key.isRevoked()).isTrue());
    }

    @Test
    void a_new_configured_key_revokes_the_previous_bootstrap_key_and_says_so() {
        String generated = AdminKey.bootstrap(apiKeys, transactions, null, ids, clock).orElseThrow();
        AdminKey.bootstrap(apiKeys, transactions, "the-first-configured-admin-key", ids, clock);
        String firstId = apiKeys.findByHash(Secrets.hash("the-first-configured-admin-key")).orElseThrow().id();

        try (CapturedLog log = new CapturedLog()) {
            AdminKey.bootstrap(apiKeys, transactions, "the-second-configured-admin-key", ids, clock);

            assertThat(log.text()).contains("HOTEL_ADMIN_KEY: stored as the bootstrap admin key")
                    .contains("revoked the previous bootstrap admin key, id " + firstId)
                    .doesNotContain("the-second-configured-admin-key");
        }
        assertThat(apiKeys.findByHash(Secrets.hash(generated)).orElseThrow().isRevoked()).isTrue();
        assertThat(apiKeys.findByHash(Secrets.hash("the-first-configured-admin-key")).orElseThrow().isRevoked()).isTrue();
        assertThat(apiKeys.findByHash(Secrets.hash("the-second-configured-admin-key")).orElseThrow().isRevoked()).isFalse();
    }

    @Test
    void keys_made_through_the_api_stay_when_the_configured_key_changes() {
        AdminKey.bootstrap(apiKeys, transactions, "the-first-configured-admin-key", ids, clock);
        transactions.run(() -> apiKeys.save(new io.hotelkit.access.ApiKey(ids.next(), "night manager", Role.ADMIN,
                java.util.Set.of(), Secrets.hash("a-key-made-through-the-api"), clock.instant(), null)));

        AdminKey.bootstrap(apiKeys, transactions, "the-second-configured-admin-key", ids, clock);

        assertThat(apiKeys.findByHash(Secrets.hash("a-key-made-through-the-api")).orElseThrow().isRevoked()).isFalse();
    }
}

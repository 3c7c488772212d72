package io.hotelkit.jpa;

import io.hotelkit.guests.LoyaltyAccount;
import io.hotelkit.guests.LoyaltyAccounts;
import io.hotelkit.shared.GuestId;
import jakarta.persistence.EntityManager;
import java.util.Objects;
import java.util.Optional;

/** Loyalty accounts in {@code loyalty_accounts}, their history in {@code loyalty_entries}. */
final class JpaLoyaltyAccounts implements LoyaltyAccounts {

    private final JpaUnitOfWork transactions;

    JpaLoyaltyAccounts(JpaUnitOfWork transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<LoyaltyAccount> findBy(GuestId guestId) {
        return transactions.call(em -> load(em, guestId.value()).map(GuestMapper::toDomain));
    }

    @Override
    public LoyaltyAccount save(LoyaltyAccount account) {
        Objects.requireNonNull(account, "loyalty account");
        String id = account.guestId().value();
        return transactions.call(em -> GuestMapper.toDomain(VersionedEntity.save(em, load(em, id).orElse(null), account.version(),
                new VersionedEntity.Spec<>("loyalty account", id, id, null, LoyaltyAccountEntity::new,
                        to -> GuestMapper.copy(account, to)))));
    }

    private static Optional<LoyaltyAccountEntity> load(EntityManager em, String guestId) {
        return em.createQuery("from LoyaltyAccountEntity a left join fetch a.history where a.guestId = :id",
                        LoyaltyAccountEntity.class)
                .setParameter("id", guestId)
                .getResultList().stream()
                .findFirst();
    }
}

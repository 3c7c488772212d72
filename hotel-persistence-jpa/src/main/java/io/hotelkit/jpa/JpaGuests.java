package io.hotelkit.jpa;

import io.hotelkit.guests.Guest;
import io.hotelkit.guests.Guests;
import io.hotelkit.shared.DuplicateException;
import io.hotelkit.shared.GuestId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Guests in table {@code guests}, their preferences a JSON column; emails are stored lower-case and unique. */
final class JpaGuests implements Guests {

    private final JpaUnitOfWork transactions;

    JpaGuests(JpaUnitOfWork transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<Guest> findBy(GuestId id) {
        return transactions.call(em -> load(em, id.value()).map(GuestMapper::toDomain));
    }

    @Override
    public Optional<Guest> findByEmail(String email) {
        String normalized = Guest.normalizeEmail(email);
        return transactions.call(em -> em.createQuery("from GuestEntity where email = :email", GuestEntity.class)
                .setParameter("email", normalized)
                .getResultList().stream()
                .findFirst()
                .map(GuestMapper::toDomain));
    }

    @Override
    public List<Guest> search(@Nullable String email, @Nullable String name, @Nullable GuestId afterId, int limit) {
        Limits.require(limit);
        StringBuilder jpql = new StringBuilder("from GuestEntity g where g.erasedAt is null and g.id > :after");
        if (email != null) {
            jpql.append(" and g.email = :email");
        }
        if (name != null) {
            jpql.append(" and lower(g.name) like :name escape '\\'");
        }
        jpql.append(" order by g.id");
        return transactions.call(em -> {
            TypedQuery<GuestEntity> query = em.createQuery(jpql.toString(), GuestEntity.class)
                    .setParameter("after", afterId == null ? "" : afterId.value())
                    .setMaxResults(limit);
            if (email != null) {
                query.setParameter("email", email.strip().toLowerCase(Locale.ROOT));
            }
            if (name != null) {
                query.setParameter("name", "%" + escapeLike(name.toLowerCase(Locale.ROOT)) + "%");
            }
            return query.getResultList().stream().map(GuestMapper::toDomain).toList();
        });
    }

    @Override
    public Guest save(Guest guest) {
        Objects.requireNonNull(guest, "guest");
        String id = guest.id().value();
        return transactions.call(em -> {
            // Checked first, so that the refusal carries the other guest's id and leaves the transaction usable.
            if (guest.email() != null) {
                em.createQuery("select id from GuestEntity where email = :email and id <> :id", String.class)
                        .setParameter("email", guest.email())
                        .setParameter("id", id)
                        .getResultList().stream()
                        .findFirst()
                        .ifPresent(existing -> {
                            throw new DuplicateException("guest with email", "(redacted)", existing);
                        });
            }
            return GuestMapper.toDomain(VersionedEntity.save(em, load(em, id).orElse(null), guest.version(),
                    new VersionedEntity.Spec<>("guest", id, "(redacted)", null, GuestEntity::new,
                            to -> GuestMapper.copy(guest, to))));
        });
    }

    private static Optional<GuestEntity> load(EntityManager em, String id) {
        return em.createQuery("from GuestEntity where id = :id", GuestEntity.class)
                .setParameter("id", id)
                .getResultList().stream()
                .findFirst();
    }

    private static String escapeLike(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}

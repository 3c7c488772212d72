package io.hotelkit.jpa;

import io.hotelkit.spi.Claim;
import io.hotelkit.spi.InventoryDelta;
import io.hotelkit.shared.NotAvailableException;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingFilter;
import io.hotelkit.reservations.Bookings;
import io.hotelkit.reservations.ChannelRef;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.ReservationId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Bookings in table {@code bookings}. Saving one applies what its claim on the inventory changes, from the
 * stored booking's claim to the new one, to the night rows ({@link InventoryRows}) before the booking's
 * row is written: so the database refuses a night sold twice with a {@link NotAvailableException}, and a
 * refused save leaves the booking and the inventory as they were.
 */
final class JpaBookings implements Bookings {

    private final JpaUnitOfWork transactions;
    private final InventoryRows inventory;

    JpaBookings(JpaUnitOfWork transactions, InventoryRows inventory) {
        this.transactions = transactions;
        this.inventory = inventory;
    }

    /** By id alone: a read of every property (on a sharded database, of every shard). */
    @Override
    public Optional<Booking> findBy(BookingId id) {
        return transactions.call(em -> em.createQuery("from BookingEntity where id = :id", BookingEntity.class)
                .setParameter("id", id.value())
                .getResultList().stream()
                .findFirst()
                .map(ReservationMapper::toDomain));
    }

    @Override
    public Optional<Booking> findBy(PropertyId propertyId, BookingId id) {
        return transactions.call(em -> load(em, new BookingEntity.Key(propertyId.value(), id.value())).map(ReservationMapper::toDomain));
    }

    /** By id alone, as {@link #findBy(BookingId)}; the property's booking is read under its lock by the other. */
    @Override
    public Optional<Booking> findForUpdate(BookingId id) {
        return findBy(id).flatMap(booking -> findForUpdate(booking.propertyId(), id));
    }

    /** The booking's row read under its lock, which {@link #save} then uses without reading it again. */
    @Override
    public Optional<Booking> findForUpdate(PropertyId propertyId, BookingId id) {
        return transactions.call(em -> locked(em, new BookingEntity.Key(propertyId.value(), id.value())).map(ReservationMapper::toDomain));
    }

    @Override
    public List<Booking> list(BookingFilter filter, @Nullable BookingId afterId, int limit) {
        Limits.require(limit);
        Map<String, Object> criteria = new LinkedHashMap<>();
        criteria.put("propertyId", filter.propertyId() == null ? null : filter.propertyId().value());
        criteria.put("status", filter.status() == null ? null : filter.status().name());
        criteria.put("checkin", filter.checkinDate());
        criteria.put("checkout", filter.checkoutDate());
        criteria.put("guestId", filter.guestId() == null ? null : filter.guestId().value());
        criteria.put("createdBy", filter.createdBy());
        criteria.values().removeIf(Objects::isNull);
        StringBuilder jpql = new StringBuilder("from BookingEntity b where b.id > :after");
        criteria.keySet().forEach(field -> jpql.append(" and b.").append(field).append(" = :").append(field));
        if (filter.from() != null) {
            jpql.append(" and b.checkout > :from");
        }
        if (filter.to() != null) {
            jpql.append(" and b.checkin < :to");
        }
        jpql.append(" order by b.id");
        return transactions.call(em -> {
            TypedQuery<BookingEntity> query = em.createQuery(jpql.toString(), BookingEntity.class)
                    .setParameter("after", afterId == null ? "" : afterId.value())
                    .setMaxResults(limit);
            criteria.forEach(query::setParameter);
            if (filter.from() != null) {
                query.setParameter("from", filter.from());
            }
            if (filter.to() != null) {
                query.setParameter("to", filter.to());
            }
            return query.getResultList().stream().map(ReservationMapper::toDomain).toList();
        });
    }

    @Override
    public List<Booking> overlapping(PropertyId propertyId, DateRange nights, @Nullable String roomType) {
        String jpql = "from BookingEntity b where b.propertyId = :property and b.checkout > :start and b.checkin < :end"
                + (roomType == null ? "" : " and b.roomType = :roomType") + " order by b.id";
        return transactions.call(em -> {
            TypedQuery<BookingEntity> query = em.createQuery(jpql, BookingEntity.class)
                    .setParameter("property", propertyId.value())
                    .setParameter("start", nights.start())
                    .setParameter("end", nights.end());
            if (roomType != null) {
                query.setParameter("roomType", roomType);
            }
            return query.getResultList().stream().map(ReservationMapper::toDomain).toList();
        });
    }

    @Override
    public Booking save(Booking booking) {
        Objects.requireNonNull(booking, "booking");
        String id = booking.id().value();
        BookingEntity.Key key = new BookingEntity.Key(booking.propertyId().value(), id);
        return transactions.call(em -> {
            try {
                if (booking.version() == 0 && booking.roomNumber() == null && transactions.vendor() == Vendor.POSTGRESQL) {
                    return insertThenTake(em, key, booking);
                }
                BookingEntity row = booking.version() == 0
                        ? VersionedEntity.storedBeforeInsert(em, transactions.vendor(), BookingEntity.class, key, () -> load(em, key))
                        : locked(em, key).orElse(null);
                return ReservationMapper.toDomain(VersionedEntity.save(em, row, booking.version(),
                        new VersionedEntity.Spec<>("booking", id, id,
                                () -> new NotFoundException("room type, room, rate plan or block of booking", id),
                                BookingEntity::new, to -> ReservationMapper.copy(booking, to)),
                        stored -> take(stored == null ? null : ReservationMapper.toDomain(stored), booking)));
            } catch (PersistenceException e) {
                if (StoreFailures.isExclusionViolation(e)) {
                    // PostgreSQL's backstop caught what the night rows did not: refused all the same
                    NotAvailableException refused = new NotAvailableException(NotAvailableException.Reason.ROOM_TAKEN,
                            booking.propertyId(), booking.roomType(), booking.stay().checkin(),
                            "room " + booking.roomNumber() + " is taken during " + booking.stay());
                    refused.initCause(e);
                    throw refused;
                }
                throw e;
            }
        });
    }

    /**
     * A new booking with no room on PostgreSQL: its row inserted first, then its nights taken, so that the
     * type nights' row locks, which every booking of the same nights waits for, are held for a round trip less.
     * A refused booking's row is deleted again (a refusal changes no night row and does not end the transaction),
     * so that the save leaves nothing, as the other order does. With a room the nights come first: the room's
     * night rows refuse a taken room before the exclusion constraint on {@code bookings} would fail the statement.
     */
    private Booking insertThenTake(EntityManager em, BookingEntity.Key key, Booking booking) {
        String id = booking.id().value();
        BookingEntity row = VersionedEntity.save(em, VersionedEntity.storedBeforeInsert(em, transactions.vendor(),
                BookingEntity.class, key, () -> load(em, key)), 0, new VersionedEntity.Spec<>("booking", id, id,
                () -> new NotFoundException("room type, room, rate plan or block of booking", id),
                BookingEntity::new, to -> ReservationMapper.copy(booking, to)));
        try {
            take(null, booking);
        } catch (NotAvailableException refused) {
            try {
                em.remove(row);
                em.flush();
            } catch (RuntimeException e) {
                em.getTransaction().setRollbackOnly(); // the refused booking's row must never be committed
                refused.addSuppressed(e);
            }
            throw refused;
        }
        return ReservationMapper.toDomain(row);
    }

    /** By the index {@code bookings_of_reservation} (V12), within the property. */
    @Override
    public List<Booking> ofReservation(PropertyId propertyId, ReservationId reservationId) {
        return transactions.call(em -> em.createQuery("from BookingEntity b where b.propertyId = :property"
                        + " and b.reservationId = :reservation order by b.reservationRoom", BookingEntity.class)
                .setParameter("property", propertyId.value())
                .setParameter("reservation", reservationId.value())
                .getResultList().stream().map(ReservationMapper::toDomain).toList());
    }

    /** By the unique key {@code bookings_channel_ref} (V12), within the property. */
    @Override
    public List<Booking> withChannelRef(PropertyId propertyId, ChannelRef ref) {
        return transactions.call(em -> em.createQuery("from BookingEntity b where b.propertyId = :property"
                        + " and b.source = :source and b.externalRef = :ref order by b.reservationRoom", BookingEntity.class)
                .setParameter("property", propertyId.value())
                .setParameter("source", ref.source())
                .setParameter("ref", ref.externalRef())
                .getResultList().stream().map(ReservationMapper::toDomain).toList());
    }

    private void take(@Nullable Booking stored, Booking booking) {
        if (stored != null && !stored.propertyId().equals(booking.propertyId())) {
            throw new IllegalArgumentException("booking " + booking.id() + " stays with property " + stored.propertyId());
        }
        Claim before = stored == null ? null : stored.claim();
        Claim after = booking.claim();
        inventory.apply(booking.propertyId(), booking.roomType(), 0, InventoryDelta.between(before, after), booking.id().value());
    }

    private static Optional<BookingEntity> locked(EntityManager em, BookingEntity.Key key) {
        return VersionedEntity.locked(em, BookingEntity.class, key,
                em.createQuery("from BookingEntity where propertyId = :property and id = :id", BookingEntity.class)
                        .setParameter("property", key.propertyId())
                        .setParameter("id", key.id()));
    }

    private static Optional<BookingEntity> load(EntityManager em, BookingEntity.Key key) {
        return em.createQuery("from BookingEntity where propertyId = :property and id = :id", BookingEntity.class)
                .setParameter("property", key.propertyId())
                .setParameter("id", key.id())
                .getResultList().stream()
                .findFirst();
    }
}

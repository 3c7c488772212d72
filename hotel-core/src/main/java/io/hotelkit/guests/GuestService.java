package io.hotelkit.guests;

import io.hotelkit.shared.DuplicateException;
import io.hotelkit.shared.Events;
import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.IdGenerator;
import io.hotelkit.shared.Idempotency;
import io.hotelkit.shared.IdempotencyKey;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.UnitOfWork;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Guest profiles: registering, finding, changing. Personal data never goes into events or logs. */
public final class GuestService {

    private final Guests guests;
    private final UnitOfWork transactions;
    private final Idempotency idempotency;
    private final Events events;
    private final IdGenerator ids;
    private final Clock clock;

    public GuestService(Guests guests, UnitOfWork transactions, Idempotency idempotency, Events events, IdGenerator ids,
            Clock clock) {
        this.guests = Objects.requireNonNull(guests, "guests");
        this.transactions = Objects.requireNonNull(transactions, "unit of work");
        this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
        this.events = Objects.requireNonNull(events, "events");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Registers a guest.
     *
     * @throws DuplicateException with the existing guest's id if the email is taken
     */
    public Guest register(NewGuest request, @Nullable IdempotencyKey idempotencyKey) {
        return register(request, Set.of(), idempotencyKey);
    }

    /**
     * Registers a guest at {@code properties}: its registration is recorded in the audit trail of each of
     * them, which is where a key scoped to them finds that the guest is known there before it has a booking.
     * With no properties the registration is the chain's, as {@link #register(NewGuest, IdempotencyKey)}.
     *
     * @throws DuplicateException with the existing guest's id if the email is taken
     */
    public Guest register(NewGuest request, Set<PropertyId> properties, @Nullable IdempotencyKey idempotencyKey) {
        Objects.requireNonNull(request, "new guest");
        Set<PropertyId> at = Set.copyOf(properties);
        return idempotency.once(idempotencyKey, Idempotency.Request.of("register guest").with("guest", request),
                () -> create(request, at),
                guest -> guest.id().value(), id -> guest(GuestId.of(id)));
    }

    /** The guest with the request's email, registered now if there is none. */
    public Guest findOrRegister(NewGuest request) {
        return transactions.inTransaction(() -> guests.findByEmail(Guest.normalizeEmail(request.email()))
                .orElseGet(() -> create(request, Set.of())));
    }

    private Guest create(NewGuest request, Set<PropertyId> properties) {
        Guest guest = new Guest(GuestId.of(ids.next()), request.name(), request.email(), request.phone(),
                request.nationality(), request.preferences() == null ? Map.of() : request.preferences(),
                request.loyaltyOptIn(), clock.instant(), null, 0);
        return transactions.inTransaction(() -> {
            guests.findByEmail(guest.email()).ifPresent(existing -> {
                throw new DuplicateException("guest with email", "(redacted)", existing.id().value());
            });
            Guest saved = guests.save(guest);
            GuestEvent data = new GuestEvent.GuestRegistered(saved.loyaltyOptIn());
            if (properties.isEmpty()) {
                events.record(null, saved.id().value(), data);
            }
            properties.stream().sorted(Comparator.comparing(PropertyId::value))
                    .forEach(property -> events.record(property, saved.id().value(), data));
            return saved;
        });
    }

    public Guest guest(GuestId id) {
        return guests.findBy(Objects.requireNonNull(id, "guest id")).orElseThrow(() -> new NotFoundException("guest", id));
    }

    public List<Guest> search(@Nullable String email, @Nullable String name, @Nullable GuestId afterId, int limit) {
        return guests.search(email == null ? null : Guest.normalizeEmail(email), name, afterId, limit);
    }

    /**
     * Changes what {@code changes} gives.
     *
     * @throws DuplicateException if the new email is another guest's
     * @throws GuestErasedException if the guest was erased
     */
    public Guest update(GuestId id, GuestChanges changes) {
        Objects.requireNonNull(changes, "guest changes");
        return transactions.inTransaction(() -> {
            Guest guest = guest(id);
            if (guest.isErased()) {
                throw new GuestErasedException(id);
            }
            Guest changed = guest.withProfile(
                    changes.name() != null ? changes.name() : guest.name(),
                    changes.email() != null ? changes.email() : guest.email(),
                    changes.phone() != null ? changes.phone() : guest.phone(),
                    changes.nationality() != null ? changes.nationality() : guest.nationality(),
                    changes.preferences() != null ? changes.preferences() : guest.preferences(),
                    changes.loyaltyOptIn() != null ? changes.loyaltyOptIn() : guest.loyaltyOptIn());
            if (!changed.email().equals(guest.email())) {
                guests.findByEmail(changed.email()).ifPresent(existing -> {
                    throw new DuplicateException("guest with email", "(redacted)", existing.id().value());
                });
            }
            Guest saved = guests.save(changed);
            events.record(null, id.value(), new GuestEvent.GuestUpdated());
            return saved;
        });
    }
}

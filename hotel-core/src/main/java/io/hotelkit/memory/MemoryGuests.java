package io.hotelkit.memory;

import io.hotelkit.guests.Guest;
import io.hotelkit.guests.Guests;
import io.hotelkit.shared.DuplicateException;
import io.hotelkit.shared.GuestId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

final class MemoryGuests implements Guests {

    private final MemoryTable<Guest> table;
    private final MemoryTable<GuestId> byEmail;

    MemoryGuests(MemoryTransactions transactions) {
        this.table = MemoryTable.ordered(transactions);
        this.byEmail = MemoryTable.keyed(transactions);
    }

    @Override
    public Optional<Guest> findBy(GuestId id) {
        return table.get(id.value());
    }

    @Override
    public Optional<Guest> findByEmail(String email) {
        return byEmail.get(Guest.normalizeEmail(email)).flatMap(this::findBy);
    }

    @Override
    public List<Guest> search(@Nullable String email, @Nullable String name, @Nullable GuestId afterId, int limit) {
        String needle = name == null ? null : name.toLowerCase(Locale.ROOT);
        return table.scan("", afterId == null ? null : afterId.value(), guest -> !guest.isErased()
                && (email == null || email.equals(guest.email()))
                && (needle == null || guest.name().toLowerCase(Locale.ROOT).contains(needle)), limit);
    }

    @Override
    public Guest save(Guest guest) {
        Optional<Guest> stored = findBy(guest.id());
        if (guest.email() != null) {
            byEmail.get(guest.email()).filter(owner -> !owner.equals(guest.id())).ifPresent(owner -> {
                throw new DuplicateException("guest with email", "(redacted)", owner.value());
            });
        }
        Guest saved = table.putVersioned(guest.id().value(), guest, "guest");
        stored.map(Guest::email).filter(old -> !old.equals(guest.email())).ifPresent(old -> byEmail.put(old, null));
        if (guest.email() != null) {
            byEmail.put(guest.email(), guest.id());
        }
        return saved;
    }
}

package io.hotelkit.examples.repository;

import io.hotelkit.Hotel;
import io.hotelkit.Storage;
import io.hotelkit.access.ApiKeys;
import io.hotelkit.billing.Folios;
import io.hotelkit.billing.InvoiceNumbers;
import io.hotelkit.billing.Invoices;
import io.hotelkit.billing.Payments;
import io.hotelkit.guests.Guest;
import io.hotelkit.guests.Guests;
import io.hotelkit.guests.LoyaltyAccounts;
import io.hotelkit.guests.NewGuest;
import io.hotelkit.inventory.Properties;
import io.hotelkit.inventory.RoomTypes;
import io.hotelkit.inventory.Rooms;
import io.hotelkit.memory.MemoryStorage;
import io.hotelkit.rates.NightlyRates;
import io.hotelkit.rates.RatePlans;
import io.hotelkit.reservations.Blocks;
import io.hotelkit.reservations.Bookings;
import io.hotelkit.shared.IdempotencyStore;
import io.hotelkit.shared.Outbox;
import io.hotelkit.shared.UnitOfWork;
import java.time.Clock;

/**
 * A hotel whose guests live in a database of the integrator's (H2 through {@link H2Guests}) while
 * everything else stays in memory: a {@link Storage} that hands out its own guest repository and
 * passes every other port to a {@link MemoryStorage}.
 */
public final class GuestsOnH2 implements Storage {

    private final MemoryStorage memory;
    private final Guests guests;

    public GuestsOnH2(MemoryStorage memory, String jdbcUrl) {
        this.memory = memory;
        this.guests = new H2Guests(jdbcUrl, memory.transactions());
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "jdbc:h2:mem:guests;DB_CLOSE_DELAY=-1";
        Hotel hotel = Hotel.builder().storage(new GuestsOnH2(new MemoryStorage(Clock.systemUTC()), url)).build();

        Guest ana = hotel.guests().register(NewGuest.of("Ana Silva", "ana@example.com"), null);
        System.out.println("registered and committed: " + hotel.storage().guests().findBy(ana.id()).isPresent());

        try {
            hotel.storage().transactions().run(() -> {
                hotel.guests().register(NewGuest.of("Bruno Costa", "bruno@example.com"), null);
                throw new IllegalStateException("the card was declined"); // rolls the whole transaction back
            });
        } catch (IllegalStateException declined) {
            System.out.println("rolled back (" + declined.getMessage() + "): bruno kept = "
                    + hotel.storage().guests().findByEmail("bruno@example.com").isPresent());
        }
        System.out.println("guests in the database: " + hotel.storage().guests().search(null, null, null, 100).size());
    }

    @Override public Guests guests() { return guests; }
    @Override public UnitOfWork transactions() { return memory.transactions(); }
    @Override public Outbox outbox() { return memory.outbox(); }
    @Override public IdempotencyStore idempotency() { return memory.idempotency(); }
    @Override public Properties properties() { return memory.properties(); }
    @Override public RoomTypes roomTypes() { return memory.roomTypes(); }
    @Override public io.hotelkit.inventory.NightAllowances nightAllowances() { return memory.nightAllowances(); }
    @Override public Rooms rooms() { return memory.rooms(); }
    @Override public RatePlans ratePlans() { return memory.ratePlans(); }
    @Override public NightlyRates nightlyRates() { return memory.nightlyRates(); }
    @Override public Bookings bookings() { return memory.bookings(); }
    @Override public Blocks blocks() { return memory.blocks(); }
    @Override public Folios folios() { return memory.folios(); }
    @Override public Payments payments() { return memory.payments(); }
    @Override public Invoices invoices() { return memory.invoices(); }
    @Override public InvoiceNumbers invoiceNumbers() { return memory.invoiceNumbers(); }
    @Override public LoyaltyAccounts loyaltyAccounts() { return memory.loyaltyAccounts(); }
    @Override public ApiKeys apiKeys() { return memory.apiKeys(); }
    @Override public io.hotelkit.billing.Companies companies() { return memory.companies(); }
}

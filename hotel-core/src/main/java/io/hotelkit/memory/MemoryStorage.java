package io.hotelkit.memory;

import io.hotelkit.Storage;
import io.hotelkit.access.ApiKeys;
import io.hotelkit.billing.Companies;
import io.hotelkit.billing.Folios;
import io.hotelkit.billing.InvoiceNumbers;
import io.hotelkit.billing.Invoices;
import io.hotelkit.billing.Payments;
import io.hotelkit.guests.Guests;
import io.hotelkit.guests.LoyaltyAccounts;
import io.hotelkit.inventory.Properties;
import io.hotelkit.inventory.NightAllowances;
import io.hotelkit.inventory.RoomTypes;
import io.hotelkit.inventory.Rooms;
import io.hotelkit.rates.NightlyRates;
import io.hotelkit.rates.RatePlans;
import io.hotelkit.reservations.Blocks;
import io.hotelkit.reservations.Bookings;
import io.hotelkit.shared.IdempotencyStore;
import io.hotelkit.shared.Outbox;
import io.hotelkit.shared.UnitOfWork;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything kept in memory, thread-safe and transactional: for embedding, tests, demos and benchmarks.
 * Nothing survives the process.
 */
public final class MemoryStorage implements Storage {

    private final MemoryTransactions transactions = new MemoryTransactions();
    private final MemoryOutbox outbox = new MemoryOutbox(transactions);
    private final MemoryIdempotencyStore idempotency;
    private final Properties properties = new MemoryProperties(transactions);
    private final RoomTypes roomTypes = new MemoryRoomTypes(transactions);
    private final NightAllowances nightAllowances = new MemoryNightAllowances(transactions);
    private final Rooms rooms = new MemoryRooms(transactions);
    private final RatePlans ratePlans = new MemoryRatePlans(transactions);
    private final NightlyRates nightlyRates = new MemoryNightlyRates(transactions);
    private final Bookings bookings = new MemoryBookings(transactions);
    private final Blocks blocks = new MemoryBlocks(transactions);
    private final Guests guests = new MemoryGuests(transactions);
    private final Folios folios = new MemoryFolios(transactions);
    private final Companies companies = new MemoryCompanies(transactions);
    private final ApiKeys apiKeys = new MemoryApiKeys(transactions);
    private final Payments payments = new MemoryPayments(transactions);
    private final Invoices invoices = new MemoryInvoices(transactions);
    private final InvoiceNumbers invoiceNumbers = new MemoryInvoiceNumbers(transactions);
    private final LoyaltyAccounts loyaltyAccounts = new MemoryLoyaltyAccounts(transactions);

    public MemoryStorage(Clock clock) {
        this.idempotency = new MemoryIdempotencyStore(transactions, Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public UnitOfWork transactions() {
        return transactions;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public IdempotencyStore idempotency() {
        return idempotency;
    }

    @Override
    public Properties properties() {
        return properties;
    }

    @Override
    public RoomTypes roomTypes() {
        return roomTypes;
    }

    @Override
    public NightAllowances nightAllowances() {
        return nightAllowances;
    }

    @Override
    public Rooms rooms() {
        return rooms;
    }

    @Override
    public RatePlans ratePlans() {
        return ratePlans;
    }

    @Override
    public NightlyRates nightlyRates() {
        return nightlyRates;
    }

    @Override
    public Bookings bookings() {
        return bookings;
    }

    @Override
    public Blocks blocks() {
        return blocks;
    }

    @Override
    public Guests guests() {
        return guests;
    }

    @Override
    public Folios folios() {
        return folios;
    }

    @Override
    public ApiKeys apiKeys() {
        return apiKeys;
    }

    @Override
    public Payments payments() {
        return payments;
    }

    @Override
    public Companies companies() {
        return companies;
    }

    @Override
    public Invoices invoices() {
        return invoices;
    }

    @Override
    public InvoiceNumbers invoiceNumbers() {
        return invoiceNumbers;
    }

    @Override
    public LoyaltyAccounts loyaltyAccounts() {
        return loyaltyAccounts;
    }
}

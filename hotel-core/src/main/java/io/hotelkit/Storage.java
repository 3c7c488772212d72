package io.hotelkit;

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

/**
 * Everything a hotel keeps, as ports: one repository per aggregate, and the transactions they all take
 * part in. {@code io.hotelkit.memory.MemoryStorage} keeps it in memory; the JPA module in a database; an
 * integrator may mix in repositories of its own.
 */
public interface Storage {

    UnitOfWork transactions();

    Outbox outbox();

    IdempotencyStore idempotency();

    Properties properties();

    RoomTypes roomTypes();

    /** The nights whose overbooking allowance is set apart from their room type's. */
    NightAllowances nightAllowances();

    Rooms rooms();

    RatePlans ratePlans();

    NightlyRates nightlyRates();

    Bookings bookings();

    Blocks blocks();

    Guests guests();

    Folios folios();

    /** The companies and travel agents billed on account, with their accounts receivable. */
    Companies companies();

    Payments payments();

    Invoices invoices();

    InvoiceNumbers invoiceNumbers();

    LoyaltyAccounts loyaltyAccounts();

    ApiKeys apiKeys();
}

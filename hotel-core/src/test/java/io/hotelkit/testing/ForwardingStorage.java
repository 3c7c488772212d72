package io.hotelkit.testing;

import io.hotelkit.Storage;
import io.hotelkit.access.ApiKeys;
import io.hotelkit.billing.Folios;
import io.hotelkit.billing.InvoiceNumbers;
import io.hotelkit.billing.Invoices;
import io.hotelkit.billing.Payments;
import io.hotelkit.guests.Guests;
import io.hotelkit.guests.LoyaltyAccounts;
import io.hotelkit.inventory.Properties;
import io.hotelkit.inventory.RoomTypes;
import io.hotelkit.inventory.Rooms;
import io.hotelkit.rates.NightlyRates;
import io.hotelkit.rates.RatePlans;
import io.hotelkit.reservations.Blocks;
import io.hotelkit.reservations.Bookings;
import io.hotelkit.shared.IdempotencyStore;
import io.hotelkit.shared.Outbox;
import io.hotelkit.shared.UnitOfWork;

/** A storage that passes everything to another; tests override a repository to make it fail. */
public class ForwardingStorage implements Storage {

    private final Storage delegate;

    public ForwardingStorage(Storage delegate) {
        this.delegate = delegate;
    }

    @Override public UnitOfWork transactions() { return delegate.transactions(); }
    @Override public Outbox outbox() { return delegate.outbox(); }
    @Override public IdempotencyStore idempotency() { return delegate.idempotency(); }
    @Override public Properties properties() { return delegate.properties(); }
    @Override public RoomTypes roomTypes() { return delegate.roomTypes(); }
    @Override public io.hotelkit.inventory.NightAllowances nightAllowances() { return delegate.nightAllowances(); }
    @Override public Rooms rooms() { return delegate.rooms(); }
    @Override public RatePlans ratePlans() { return delegate.ratePlans(); }
    @Override public NightlyRates nightlyRates() { return delegate.nightlyRates(); }
    @Override public Bookings bookings() { return delegate.bookings(); }
    @Override public Blocks blocks() { return delegate.blocks(); }
    @Override public Guests guests() { return delegate.guests(); }
    @Override public Folios folios() { return delegate.folios(); }
    @Override public io.hotelkit.billing.Companies companies() { return delegate.companies(); }
    @Override public Payments payments() { return delegate.payments(); }
    @Override public Invoices invoices() { return delegate.invoices(); }
    @Override public InvoiceNumbers invoiceNumbers() { return delegate.invoiceNumbers(); }
    @Override public LoyaltyAccounts loyaltyAccounts() { return delegate.loyaltyAccounts(); }
    @Override public ApiKeys apiKeys() { return delegate.apiKeys(); }
}

package io.hotelkit.shared;

/**
 * What a {@link DomainEvent} says happened: a record of one context's sealed event interface
 * ({@code InventoryEvent}, {@code ReservationEvent}, {@code BillingEvent}, ...). The domain builds these
 * typed records only; the adapters write them in the wire format (the JPA outbox's JSON, the server's
 * {@code /events} and audit trail), through {@code io.hotelkit.wire.EventWire}.
 */
public interface EventPayload {

    /** The kind of change, whose {@linkplain EventType#code() code} names it on the wire. */
    EventType type();
}

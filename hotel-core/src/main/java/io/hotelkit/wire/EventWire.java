package io.hotelkit.wire;

import io.hotelkit.billing.BillingEvent;
import io.hotelkit.billing.Company;
import io.hotelkit.billing.Payer;
import io.hotelkit.billing.Payment;
import io.hotelkit.billing.PaymentMethod;
import io.hotelkit.guests.GuestEvent;
import io.hotelkit.inventory.HousekeepingStatus;
import io.hotelkit.inventory.InventoryEvent;
import io.hotelkit.operations.OperationsEvent;
import io.hotelkit.rates.RateEvent;
import io.hotelkit.reservations.BookingStatus;
import io.hotelkit.reservations.ChannelRef;
import io.hotelkit.reservations.ReservationEvent;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.EventPayload;
import io.hotelkit.shared.EventType;
import io.hotelkit.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes typed event records as the wire format's data object and reads them back. The format is the one
 * {@code /events} and the audit trail have always shown: snake_case keys in a fixed order, dates as
 * {@code 2026-03-01}, amounts as plain decimal strings ({@code "240.00"}) with the currency beside them,
 * whole numbers as numbers, enum values in lower case. Golden files in the tests pin each type.
 */
public final class EventWire {

    /** What the overbooking event says when nights go back to the room type's own limit. */
    private static final String ROOM_TYPES_OWN = "room type's own";

    private EventWire() {}

    /** The event's data as an ordered, unmodifiable map of strings, {@code Long}s and booleans. */
    public static Map<String, Object> data(EventPayload payload) {
        Map<String, Object> data = new LinkedHashMap<>();
        switch (payload) {
            case ReservationEvent event -> reservation(event, data);
            case BillingEvent event -> billing(event, data);
            case InventoryEvent event -> inventory(event, data);
            case RateEvent event -> rates(event, data);
            case OperationsEvent event -> operations(event, data);
            case GuestEvent event -> guests(event, data);
            default -> throw new IllegalArgumentException("no wire format for " + payload.getClass().getName());
        }
        return Collections.unmodifiableMap(data);
    }

    /** The event of {@code type} that {@code data} (as {@link #data} wrote it, or JSON read back) describes. */
    public static EventPayload payload(EventType type, Map<String, ?> data) {
        Fields in = new Fields(type, data);
        return switch (type) {
            case PROPERTY_CREATED -> new InventoryEvent.PropertyCreated(in.text("code"),
                    Currency.getInstance(in.text("currency")), in.date("business_date"));
            case ROOM_TYPE_CREATED -> new InventoryEvent.RoomTypeCreated(in.text("name"), in.integer("max_occupancy"),
                    in.integer("overbooking_limit"));
            case ROOM_TYPE_OVERBOOKING_SET -> new InventoryEvent.RoomTypeOverbookingSet(in.date("from"), in.date("to"),
                    in.value("overbooking") instanceof Number number ? Integer.valueOf(number.intValue()) : null);
            case ROOM_CREATED -> new InventoryEvent.RoomCreated(in.text("room_type"));
            case ROOM_HOUSEKEEPING_CHANGED -> new InventoryEvent.RoomHousekeepingChanged(
                    HousekeepingStatus.valueOf(in.upper("from")), HousekeepingStatus.valueOf(in.upper("to")));
            case ROOM_OUT_OF_ORDER -> new InventoryEvent.RoomOutOfOrder(in.date("from"), in.date("to"));
            case ROOM_BACK_IN_ORDER -> new InventoryEvent.RoomBackInOrder(in.date("from"), in.date("to"));
            case PROPERTY_BUSINESS_DATE_CHANGED -> new OperationsEvent.BusinessDateChanged(in.date("closed_date"),
                    in.date("business_date"));
            case NIGHT_AUDIT_COMPLETED -> new OperationsEvent.NightAuditCompleted(in.date("closed_date"),
                    in.date("business_date"), in.number("nights_charged"), in.number("no_shows"));
            case WEBHOOK_DISABLED -> new OperationsEvent.WebhookDisabled(in.text("url"),
                    Instant.parse(in.text("failing_since")), in.number("attempts"));
            case RATE_PLAN_CREATED -> new RateEvent.RatePlanCreated(in.text("name"), in.optionalText("derived_from"),
                    in.optionalText("adjustment_percent") == null ? null : in.decimal("adjustment_percent"));
            case RATES_CHANGED -> new RateEvent.RatesChanged(in.number("rows"), in.number("nights"));
            case BLOCK_CREATED -> new ReservationEvent.BlockCreated(in.text("room_type"), in.date("from"), in.date("to"),
                    in.integer("rooms"));
            case BLOCK_RELEASED -> new ReservationEvent.BlockReleased();
            case BLOCK_CANCELLED -> new ReservationEvent.BlockCancelled();
            case BOOKING_CREATED -> new ReservationEvent.BookingCreated(in.booking());
            case BOOKING_MODIFIED -> new ReservationEvent.BookingModified(in.booking(), in.date("previous_checkin_date"),
                    in.date("previous_checkout_date"), in.text("previous_room_type"));
            case BOOKING_ROOM_ASSIGNED -> new ReservationEvent.BookingRoomAssigned(in.text("room_number"));
            case BOOKING_CANCELLED -> new ReservationEvent.BookingCancelled(in.booking(), in.money("fee"));
            case BOOKING_NO_SHOW -> new ReservationEvent.BookingNoShow(in.booking(), in.money("fee"));
            case BOOKING_CHECKED_IN -> new ReservationEvent.BookingCheckedIn(in.booking());
            case BOOKING_CHECKED_OUT -> new ReservationEvent.BookingCheckedOut(in.booking());
            case GUEST_REGISTERED -> new GuestEvent.GuestRegistered(in.flag("loyalty_opt_in"));
            case GUEST_UPDATED -> new GuestEvent.GuestUpdated();
            case GUEST_ERASED -> new GuestEvent.GuestErased();
            case LOYALTY_POINTS_CHANGED -> new GuestEvent.LoyaltyPointsChanged(in.number("points"), in.text("reference"));
            case CHARGE_POSTED -> "room".equals(in.value("kind"))
                    ? new BillingEvent.RoomNightCharged(in.date("night"))
                    : new BillingEvent.ExtraCharged(in.text("category"), in.decimal("amount"));
            case PAYMENT_CAPTURED -> new BillingEvent.PaymentCaptured(in.payment());
            case PAYMENT_DECLINED -> new BillingEvent.PaymentDeclined(in.payment());
            case PAYMENT_REFUNDED -> new BillingEvent.PaymentRefunded(in.payment(), in.text("refund_id"),
                    in.money("refunded"));
            case INVOICE_ISSUED -> new BillingEvent.InvoiceIssued(in.text("number"), BookingId.of(in.text("booking_id")),
                    in.money("total"));
            case CREDIT_NOTE_ISSUED -> new BillingEvent.CreditNoteIssued(in.text("number"),
                    BookingId.of(in.text("booking_id")), in.money("total"));
            case FOLIO_WINDOW_OPENED -> new BillingEvent.FolioWindowOpened(in.integer("window"),
                    Payer.Kind.valueOf(in.upper("payer_kind")), in.optionalText("payer"));
            case FOLIO_ROUTING_SET -> new BillingEvent.FolioRoutingSet(in.integer("window"),
                    in.text("routes").isEmpty() ? List.of() : List.of(in.text("routes").split(",")));
            case CHARGE_MOVED -> new BillingEvent.ChargeMoved(in.text("line_id"), in.integer("from_window"),
                    BookingId.of(in.text("to_booking_id")), in.integer("to_window"), in.money("amount"));
            case LINE_VOIDED -> new BillingEvent.LineVoided(in.text("line_id"), in.integer("window"), in.money("amount"),
                    in.text("reason"));
            case ALLOWANCE_POSTED -> new BillingEvent.AllowancePosted(in.text("line_id"), in.integer("window"),
                    in.money("amount"), in.text("reason"));
            case COMPANY_CREATED -> new BillingEvent.CompanyCreated(in.text("name"), Company.Kind.valueOf(in.upper("kind")),
                    in.money("credit_limit"));
            case COMPANY_UPDATED -> new BillingEvent.CompanyUpdated(in.text("name"), Company.Kind.valueOf(in.upper("kind")),
                    in.money("credit_limit"));
            case COMPANY_DELETED -> new BillingEvent.CompanyDeleted(in.text("name"));
            case COMPANY_INVOICED -> new BillingEvent.CompanyInvoiced(in.text("number"), BookingId.of(in.text("booking_id")),
                    in.money("total"));
            case COMPANY_PAYMENT_RECORDED -> new BillingEvent.CompanyPaymentRecorded(in.text("payment_id"),
                    in.money("amount"), in.money("allocated"), PaymentMethod.valueOf(in.upper("method")));
        };
    }

    private static void reservation(ReservationEvent payload, Map<String, Object> data) {
        switch (payload) {
            case ReservationEvent.BookingCreated event -> booking(event.booking(), data);
            case ReservationEvent.BookingModified event -> {
                booking(event.booking(), data);
                data.put("previous_checkin_date", event.previousCheckin().toString());
                data.put("previous_checkout_date", event.previousCheckout().toString());
                data.put("previous_room_type", event.previousRoomType());
            }
            case ReservationEvent.BookingRoomAssigned event -> data.put("room_number", event.roomNumber());
            case ReservationEvent.BookingCancelled event -> {
                booking(event.booking(), data);
                data.put("fee", event.fee().amount().toPlainString());
            }
            case ReservationEvent.BookingNoShow event -> {
                booking(event.booking(), data);
                data.put("fee", event.fee().amount().toPlainString());
            }
            case ReservationEvent.BookingCheckedIn event -> booking(event.booking(), data);
            case ReservationEvent.BookingCheckedOut event -> booking(event.booking(), data);
            case ReservationEvent.BlockCreated event -> {
                data.put("room_type", event.roomType());
                data.put("from", event.from().toString());
                data.put("to", event.to().toString());
                data.put("rooms", (long) event.rooms());
            }
            case ReservationEvent.BlockReleased event -> { }
            case ReservationEvent.BlockCancelled event -> { }
        }
    }

    private static void booking(ReservationEvent.Summary booking, Map<String, Object> data) {
        data.put("confirmation_code", booking.confirmationCode());
        data.put("status", booking.status().code());
        data.put("room_type", booking.roomType());
        if (booking.roomNumber() != null) {
            data.put("room_number", booking.roomNumber());
        }
        data.put("rate_plan", booking.ratePlan());
        data.put("checkin_date", booking.checkin().toString());
        data.put("checkout_date", booking.checkout().toString());
        data.put("total", booking.total().amount().toPlainString());
        data.put("currency", booking.total().currency().getCurrencyCode());
        if (booking.channel() != null) {
            data.put("source", booking.channel().source());
            data.put("external_ref", booking.channel().externalRef());
        }
    }

    private static void billing(BillingEvent payload, Map<String, Object> data) {
        switch (payload) {
            case BillingEvent.RoomNightCharged event -> {
                data.put("night", event.night().toString());
                data.put("kind", "room");
            }
            case BillingEvent.ExtraCharged event -> {
                data.put("kind", "extra");
                data.put("category", event.category());
                data.put("amount", event.amount().toPlainString());
            }
            case BillingEvent.PaymentCaptured event -> payment(event.payment(), data);
            case BillingEvent.PaymentDeclined event -> payment(event.payment(), data);
            case BillingEvent.PaymentRefunded event -> {
                payment(event.payment(), data);
                data.put("refund_id", event.refundId());
                data.put("refunded", event.refunded().amount().toPlainString());
            }
            case BillingEvent.InvoiceIssued event -> invoice(event.number(), event.bookingId(), event.total(), data);
            case BillingEvent.CreditNoteIssued event -> invoice(event.number(), event.bookingId(), event.total(), data);
            case BillingEvent.FolioWindowOpened event -> {
                data.put("window", (long) event.window());
                data.put("payer_kind", event.payerKind().name().toLowerCase(Locale.ROOT));
                if (event.payer() != null) {
                    data.put("payer", event.payer());
                }
            }
            case BillingEvent.FolioRoutingSet event -> {
                data.put("window", (long) event.window());
                data.put("routes", String.join(",", event.routes()));
            }
            case BillingEvent.ChargeMoved event -> {
                data.put("line_id", event.lineId());
                data.put("from_window", (long) event.fromWindow());
                data.put("to_booking_id", event.toBooking().value());
                data.put("to_window", (long) event.toWindow());
                money("amount", event.amount(), data);
            }
            case BillingEvent.LineVoided event -> {
                data.put("line_id", event.lineId());
                data.put("window", (long) event.window());
                money("amount", event.amount(), data);
                data.put("reason", event.reason());
            }
            case BillingEvent.AllowancePosted event -> {
                data.put("line_id", event.lineId());
                data.put("window", (long) event.window());
                money("amount", event.amount(), data);
                data.put("reason", event.reason());
            }
            case BillingEvent.CompanyCreated event -> company(event.name(), event.kind(), event.creditLimit(), data);
            case BillingEvent.CompanyUpdated event -> company(event.name(), event.kind(), event.creditLimit(), data);
            case BillingEvent.CompanyDeleted event -> data.put("name", event.name());
            case BillingEvent.CompanyInvoiced event -> invoice(event.number(), event.bookingId(), event.total(), data);
            case BillingEvent.CompanyPaymentRecorded event -> {
                data.put("payment_id", event.paymentId());
                money("amount", event.amount(), data);
                data.put("allocated", event.allocated().amount().toPlainString());
                data.put("method", event.method().name().toLowerCase(Locale.ROOT));
            }
        }
    }

    private static void money(String key, Money money, Map<String, Object> data) {
        data.put(key, money.amount().toPlainString());
        data.put("currency", money.currency().getCurrencyCode());
    }

    private static void company(String name, Company.Kind kind, Money creditLimit, Map<String, Object> data) {
        data.put("name", name);
        data.put("kind", kind.name().toLowerCase(Locale.ROOT));
        money("credit_limit", creditLimit, data);
    }

    private static void payment(BillingEvent.PaymentSummary payment, Map<String, Object> data) {
        data.put("booking_id", payment.bookingId().value());
        data.put("amount", payment.amount().amount().toPlainString());
        data.put("currency", payment.amount().currency().getCurrencyCode());
        data.put("method", payment.method().name().toLowerCase(Locale.ROOT));
        data.put("status", payment.status().name().toLowerCase(Locale.ROOT));
    }

    private static void invoice(String number, BookingId bookingId, Money total, Map<String, Object> data) {
        data.put("number", number);
        data.put("booking_id", bookingId.value());
        data.put("total", total.amount().toPlainString());
        data.put("currency", total.currency().getCurrencyCode());
    }

    private static void inventory(InventoryEvent payload, Map<String, Object> data) {
        switch (payload) {
            case InventoryEvent.PropertyCreated event -> {
                data.put("code", event.code());
                data.put("currency", event.currency().getCurrencyCode());
                data.put("business_date", event.businessDate().toString());
            }
            case InventoryEvent.RoomTypeCreated event -> {
                data.put("name", event.name());
                data.put("max_occupancy", (long) event.maxOccupancy());
                data.put("overbooking_limit", (long) event.overbookingLimit());
            }
            case InventoryEvent.RoomTypeOverbookingSet event -> {
                data.put("from", event.from().toString());
                data.put("to", event.to().toString());
                data.put("overbooking", event.overbooking() == null ? ROOM_TYPES_OWN : (Object) (long) event.overbooking());
            }
            case InventoryEvent.RoomCreated event -> data.put("room_type", event.roomType());
            case InventoryEvent.RoomHousekeepingChanged event -> {
                data.put("from", event.from().name().toLowerCase(Locale.ROOT));
                data.put("to", event.to().name().toLowerCase(Locale.ROOT));
            }
            case InventoryEvent.RoomOutOfOrder event -> {
                data.put("from", event.from().toString());
                data.put("to", event.to().toString());
            }
            case InventoryEvent.RoomBackInOrder event -> {
                data.put("from", event.from().toString());
                data.put("to", event.to().toString());
            }
        }
    }

    private static void rates(RateEvent payload, Map<String, Object> data) {
        switch (payload) {
            case RateEvent.RatePlanCreated event -> {
                data.put("name", event.name());
                if (event.derivedFrom() != null) {
                    data.put("derived_from", event.derivedFrom());
                }
                if (event.adjustmentPercent() != null) {
                    data.put("adjustment_percent", event.adjustmentPercent().toPlainString());
                }
            }
            case RateEvent.RatesChanged event -> {
                data.put("rows", event.rows());
                data.put("nights", event.nights());
            }
        }
    }

    private static void operations(OperationsEvent payload, Map<String, Object> data) {
        switch (payload) {
            case OperationsEvent.BusinessDateChanged event -> {
                data.put("closed_date", event.closedDate().toString());
                data.put("business_date", event.businessDate().toString());
            }
            case OperationsEvent.NightAuditCompleted event -> {
                data.put("closed_date", event.closedDate().toString());
                data.put("business_date", event.businessDate().toString());
                data.put("nights_charged", event.nightsCharged());
                data.put("no_shows", event.noShows());
            }
            case OperationsEvent.WebhookDisabled event -> {
                data.put("url", event.url());
                data.put("failing_since", event.failingSince().toString());
                data.put("attempts", event.attempts());
            }
        }
    }

    private static void guests(GuestEvent payload, Map<String, Object> data) {
        switch (payload) {
            case GuestEvent.GuestRegistered event -> data.put("loyalty_opt_in", event.loyaltyOptIn());
            case GuestEvent.GuestUpdated event -> { }
            case GuestEvent.GuestErased event -> { }
            case GuestEvent.LoyaltyPointsChanged event -> {
                data.put("points", event.points());
                data.put("reference", event.reference());
            }
        }
    }

    /** The fields of one event's data, read with messages that name the event and the field. */
    private record Fields(EventType type, Map<String, ?> data) {

        @Nullable Object value(String key) {
            return data.get(key);
        }

        String text(String key) {
            Object value = data.get(key);
            if (value == null) {
                throw new IllegalArgumentException(type.code() + " event has no '" + key + "'");
            }
            return value.toString();
        }

        @Nullable String optionalText(String key) {
            Object value = data.get(key);
            return value == null ? null : value.toString();
        }

        String upper(String key) {
            return text(key).toUpperCase(Locale.ROOT);
        }

        LocalDate date(String key) {
            return LocalDate.parse(text(key));
        }

        BigDecimal decimal(String key) {
            return new BigDecimal(text(key));
        }

        long number(String key) {
            Object value = data.get(key);
            if (value instanceof Number number) {
                return number.longValue();
            }
            return Long.parseLong(text(key));
        }

        int integer(String key) {
            return Math.toIntExact(number(key));
        }

        boolean flag(String key) {
            Object value = data.get(key);
            return value instanceof Boolean flag ? flag : Boolean.parseBoolean(text(key));
        }

        Money money(String key) {
            return Money.of(decimal(key), Currency.getInstance(text("currency")));
        }

        ReservationEvent.Summary booking() {
            return new ReservationEvent.Summary(text("confirmation_code"), BookingStatus.valueOf(upper("status")),
                    text("room_type"), optionalText("room_number"), text("rate_plan"), date("checkin_date"),
                    date("checkout_date"), money("total"),
                    optionalText("source") == null ? null : ChannelRef.of(text("source"), text("external_ref")));
        }

        BillingEvent.PaymentSummary payment() {
            return new BillingEvent.PaymentSummary(BookingId.of(text("booking_id")), money("amount"),
                    PaymentMethod.valueOf(upper("method")), Payment.Status.valueOf(upper("status")));
        }
    }
}

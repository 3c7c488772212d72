package io.hotelkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.hotelkit.wire.EventWire;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the wire format of every event type: the data object the outbox stores, {@code /events} streams and
 * the audit trail shows. Each sample's JSON must equal its golden file under {@code src/test/resources/events}
 * byte for byte (keys, their order, value formats), and read back into the same record. A change to a golden
 * file is a change of the public wire format; {@code -Devents.update=true} rewrites the files from the samples,
 * for a change that is meant.
 */
class EventWireFormatTest {

    private static final LocalDate MARCH_1 = LocalDate.parse("2026-03-01");
    private static final LocalDate MARCH_4 = LocalDate.parse("2026-03-04");
    private static final ReservationEvent.Summary BOOKING = new ReservationEvent.Summary("HK-7F3Q",
            BookingStatus.CONFIRMED, "DBL", "101", "BAR", MARCH_1, MARCH_4, Money.of("412.50", "EUR"), null);
    private static final ReservationEvent.Summary UNASSIGNED = new ReservationEvent.Summary("HK-7F3Q",
            BookingStatus.CANCELLED, "DBL", null, "BAR", MARCH_1, MARCH_4, Money.of("412.50", "EUR"), null);
    private static final BillingEvent.PaymentSummary PAYMENT = new BillingEvent.PaymentSummary(BookingId.of("b-1"),
            Money.of("100.00", "EUR"), PaymentMethod.CARD, Payment.Status.CAPTURED);

    /** One sample per event type (two for the folio charge, which has two shapes), named by its golden file. */
    static Map<String, EventPayload> samples() {
        Map<String, EventPayload> samples = new LinkedHashMap<>();
        samples.put("property.created", new InventoryEvent.PropertyCreated("LIS", Currency.getInstance("EUR"), MARCH_1));
        samples.put("property.business_date_changed", new OperationsEvent.BusinessDateChanged(MARCH_1, MARCH_1.plusDays(1)));
        samples.put("room_type.created", new InventoryEvent.RoomTypeCreated("Double", 2, 1));
        samples.put("room_type.overbooking_set", new InventoryEvent.RoomTypeOverbookingSet(MARCH_1, MARCH_4, 2));
        samples.put("room_type.overbooking_set.own", new InventoryEvent.RoomTypeOverbookingSet(MARCH_1, MARCH_4, null));
        samples.put("room.created", new InventoryEvent.RoomCreated("DBL"));
        samples.put("room.housekeeping_changed",
                new InventoryEvent.RoomHousekeepingChanged(HousekeepingStatus.DIRTY, HousekeepingStatus.CLEAN));
        samples.put("room.out_of_order", new InventoryEvent.RoomOutOfOrder(MARCH_1, MARCH_4));
        samples.put("room.back_in_order", new InventoryEvent.RoomBackInOrder(MARCH_1, MARCH_4));
        samples.put("rate_plan.created", new RateEvent.RatePlanCreated("Best available", null, null));
        samples.put("rate_plan.created.derived", new RateEvent.RatePlanCreated("Members", "BAR", new BigDecimal("-10.5")));
        samples.put("rate_plan.rates_changed", new RateEvent.RatesChanged(2, 31));
        samples.put("block.created", new ReservationEvent.BlockCreated("DBL", MARCH_1, MARCH_4, 10));
        samples.put("block.released", new ReservationEvent.BlockReleased());
        samples.put("block.cancelled", new ReservationEvent.BlockCancelled());
        samples.put("booking.created", new ReservationEvent.BookingCreated(BOOKING));
        samples.put("booking.modified", new ReservationEvent.BookingModified(BOOKING, MARCH_1, MARCH_1.plusDays(2), "SGL"));
        samples.put("booking.room_assigned", new ReservationEvent.BookingRoomAssigned("101"));
        samples.put("booking.cancelled", new ReservationEvent.BookingCancelled(UNASSIGNED, Money.of("137.50", "EUR")));
        samples.put("booking.checked_in", new ReservationEvent.BookingCheckedIn(BOOKING));
        samples.put("booking.checked_out", new ReservationEvent.BookingCheckedOut(BOOKING));
        samples.put("booking.no_show", new ReservationEvent.BookingNoShow(UNASSIGNED, Money.of("137.50", "EUR")));
        samples.put("guest.registered", new GuestEvent.GuestRegistered(true));
        samples.put("guest.updated", new GuestEvent.GuestUpdated());
        samples.put("booking.created.channel", new ReservationEvent.BookingCreated(new ReservationEvent.Summary("HK-7F3Q",
                BookingStatus.CONFIRMED, "DBL", null, "BAR", MARCH_1, MARCH_4, Money.of("412.50", "EUR"),
                ChannelRef.of("booking.com", "BDC-4711"))));
        samples.put("guest.erased", new GuestEvent.GuestErased());
        samples.put("folio.charge_posted", new BillingEvent.RoomNightCharged(MARCH_1));
        samples.put("folio.charge_posted.extra", new BillingEvent.ExtraCharged("minibar", new BigDecimal("12.50")));
        samples.put("payment.captured", new BillingEvent.PaymentCaptured(PAYMENT));
        samples.put("payment.declined", new BillingEvent.PaymentDeclined(new BillingEvent.PaymentSummary(BookingId.of("b-1"),
                Money.of("100.00", "EUR"), PaymentMethod.CARD, Payment.Status.DECLINED)));
        samples.put("payment.refunded", new BillingEvent.PaymentRefunded(PAYMENT, "r-1", Money.of("40.00", "EUR")));
        samples.put("invoice.issued", new BillingEvent.InvoiceIssued("LIS-2026-000001", BookingId.of("b-1"),
                Money.of("412.50", "EUR")));
        samples.put("invoice.credit_note_issued", new BillingEvent.CreditNoteIssued("LIS-2026-000002", BookingId.of("b-1"),
                Money.of("-412.50", "EUR")));
        samples.put("folio.window_opened", new BillingEvent.FolioWindowOpened(2, Payer.Kind.COMPANY, "c-1"));
        samples.put("folio.window_opened.guest", new BillingEvent.FolioWindowOpened(3, Payer.Kind.GUEST, null));
        samples.put("folio.routing_set", new BillingEvent.FolioRoutingSet(2, java.util.List.of("room", "extra:minibar")));
        samples.put("folio.charge_moved", new BillingEvent.ChargeMoved("l-1", 1, BookingId.of("b-2"), 2, Money.of("45.30", "EUR")));
        samples.put("folio.line_voided", new BillingEvent.LineVoided("l-1", 1, Money.of("9.99", "EUR"), "wrong room"));
        samples.put("folio.allowance_posted", new BillingEvent.AllowancePosted("l-1", 1, Money.of("20.00", "EUR"), "goodwill"));
        samples.put("company.created", new BillingEvent.CompanyCreated("Acme Lda", Company.Kind.COMPANY, Money.of("5000.00", "EUR")));
        samples.put("company.updated", new BillingEvent.CompanyUpdated("Acme Travel", Company.Kind.TRAVEL_AGENT,
                Money.of("2500.00", "EUR")));
        samples.put("company.deleted", new BillingEvent.CompanyDeleted("Acme Lda"));
        samples.put("company.invoiced", new BillingEvent.CompanyInvoiced("LIS-2026-000003", BookingId.of("b-1"),
                Money.of("110.00", "EUR")));
        samples.put("company.payment_recorded", new BillingEvent.CompanyPaymentRecorded("p-9", Money.of("150.00", "EUR"),
                Money.of("110.00", "EUR"), PaymentMethod.BANK_TRANSFER));
        samples.put("loyalty.points_changed", new GuestEvent.LoyaltyPointsChanged(-3_000_000_000L, "payment:p-1"));
        samples.put("night_audit.completed", new OperationsEvent.NightAuditCompleted(MARCH_1, MARCH_1.plusDays(1), 42, 3));
        samples.put("webhook.disabled", new OperationsEvent.WebhookDisabled("https://pms.example.com/hooks",
                Instant.parse("2026-03-01T10:15:30Z"), 61));
        return samples;
    }

    static Stream<String> names() {
        return samples().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("names")
    void each_event_type_is_written_as_its_golden_json_and_read_back(String name) throws IOException {
        EventPayload payload = samples().get(name);
        String json = Json.write(EventWire.data(payload));
        if (Boolean.getBoolean("events.update")) {
            Path file = Path.of("src/test/resources/events", name + ".json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, json + "\n");
        }

        assertThat(json).as(name).isEqualTo(golden(name));
        assertThat(EventWire.payload(payload.type(), Json.readObject(json))).as(name).isEqualTo(payload);
    }

    @Test
    void every_event_type_has_a_golden_file() {
        Set<EventType> sampled = samples().values().stream().map(EventPayload::type).collect(Collectors.toSet());

        assertThat(sampled).containsExactlyInAnyOrder(EventType.values());
        assertThat(Arrays.stream(EventType.values()).map(EventType::code))
                .allSatisfy(code -> assertThat(samples()).containsKey(code));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = EventWireFormatTest.class.getResourceAsStream("/events/" + name + ".json")) {
            assertThat(in).as("golden file events/" + name + ".json").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}

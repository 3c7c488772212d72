package io.hotelkit;

import static io.hotelkit.testing.TestHotels.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.availability.AvailabilityQuery;
import io.hotelkit.availability.Offer;
import io.hotelkit.billing.BalanceNotZeroException;
import io.hotelkit.billing.Folio;
import io.hotelkit.billing.FolioLineKind;
import io.hotelkit.billing.Invoice;
import io.hotelkit.billing.InvoiceKind;
import io.hotelkit.billing.InvoiceService;
import io.hotelkit.billing.Payment;
import io.hotelkit.billing.PaymentMethod;
import io.hotelkit.guests.NewGuest;
import io.hotelkit.inventory.Property;
import io.hotelkit.operations.NightAudit;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingRequest;
import io.hotelkit.reservations.BookingStatus;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Stay;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** One whole stay: search, book, check in, charge, night audits, pay, check out, invoice, credit note. */
class StayScenarioTest {

    private final MutableClock clock = MutableClock.at(TestHotels.CLOCK_START);
    private final Hotel hotel = Hotel.inMemory(clock);
    private final Property lisbon = TestHotels.lisbon(hotel);

    @Test
    void a_guest_stays_two_nights_pays_and_is_invoiced() {
        Stay stay = Stay.of("2026-12-01", "2026-12-03");
        var ana = hotel.guests().register(new NewGuest("Ana Silva", "ana@example.com", null, "PT", null, true), null);
        Offer offer = hotel.availability().search(AvailabilityQuery.of(lisbon.id(), stay, Occupancy.of(2, 1))).offers().stream()
                .filter(o -> o.roomType().equals("DBL") && o.ratePlan().equals("FLEX")).findFirst().orElseThrow();
        Booking booking = hotel.bookings().book(new BookingRequest(lisbon.id(), ana.id(), null, "DBL", null, "FLEX", stay,
                Occupancy.of(2, 1), null, "late arrival", "tok_visa"), null);
        assertThat(booking.total()).isEqualTo(offer.total());

        hotel.frontDesk().checkIn(lisbon.id(), booking.id(), null);
        hotel.folioCharges().charge(lisbon.id(), booking.id(), "Minibar", eur("12.50"), "minibar", null, null);

        clock.advance(Duration.ofHours(14)); // 00:00 in Lisbon: the 1st is over
        NightAudit.Result first = hotel.nightAudit().close(lisbon.id());
        assertThat(first.charged()).isEqualTo(1);
        clock.advance(Duration.ofDays(1));
        hotel.nightAudit().close(lisbon.id());
        assertThat(hotel.inventory().property(lisbon.id()).businessDate()).isEqualTo(LocalDate.parse("2026-12-03"));

        Folio folio = hotel.folioCharges().folio(lisbon.id(), booking.id());
        // each night: room 115.00 (100 + a child 15), VAT 11.50 on top, city tax 3 x 2.00
        assertThat(folio.lines()).extracting(line -> line.kind()).containsExactly(FolioLineKind.EXTRA,
                FolioLineKind.ROOM, FolioLineKind.TAX, FolioLineKind.CITY_TAX,
                FolioLineKind.ROOM, FolioLineKind.TAX, FolioLineKind.CITY_TAX);
        assertThat(folio.balance()).isEqualTo(offer.total().plus(eur("12.50")));
        assertThatThrownBy(() -> hotel.frontDesk().checkOut(lisbon.id(), booking.id())).isInstanceOf(BalanceNotZeroException.class);

        Payment payment = hotel.payments().pay(lisbon.id(), booking.id(), folio.balance(), PaymentMethod.CARD, "tok_visa", null);
        assertThat(payment.status()).isEqualTo(Payment.Status.CAPTURED);
        Booking out = hotel.frontDesk().checkOut(lisbon.id(), booking.id());
        assertThat(out.status()).isEqualTo(BookingStatus.CHECKED_OUT);
        assertThat(hotel.loyalty().account(ana.id()).points()).isEqualTo(242); // 2 x 115.00 + 12.50, rounded down

        Invoice invoice = hotel.invoices().issue(lisbon.id(), booking.id(), null);
        assertThat(invoice.number()).isEqualTo("2026-000001");
        assertThat(invoice.total()).isEqualTo(folio.charges());
        assertThat(invoice.vat()).isEqualTo(eur("23.00"));
        assertThat(invoice.paymentHint()).isEqualTo("****visa");
        assertThat(hotel.invoices().status(invoice)).isEqualTo(InvoiceService.Status.PAID);

        Invoice creditNote = hotel.invoices().credit(lisbon.id(), invoice.id(), null);
        assertThat(creditNote.kind()).isEqualTo(InvoiceKind.CREDIT_NOTE);
        assertThat(creditNote.number()).isEqualTo("2026-000002");
        assertThat(invoice.total().plus(creditNote.total()).isZero()).isTrue();
        assertThat(hotel.invoices().status(invoice)).isEqualTo(InvoiceService.Status.CREDITED);
        assertThat(hotel.invoices().issue(lisbon.id(), booking.id(), null).total()).isEqualTo(invoice.total());
    }
}

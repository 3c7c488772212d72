package io.hotelkit.jpa;

import static io.hotelkit.testing.TestHotels.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.Hotel;
import io.hotelkit.shared.NotAvailableException;
import io.hotelkit.billing.Folio;
import io.hotelkit.billing.FolioLineKind;
import io.hotelkit.billing.Invoice;
import io.hotelkit.billing.InvoiceKind;
import io.hotelkit.billing.Payment;
import io.hotelkit.billing.PaymentMethod;
import io.hotelkit.guests.Guest;
import io.hotelkit.guests.NewGuest;
import io.hotelkit.inventory.Property;
import io.hotelkit.jpa.testing.FreshDatabase;
import io.hotelkit.operations.NightAudit;
import io.hotelkit.reservations.BlockStatus;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingChanges;
import io.hotelkit.reservations.BookingRequest;
import io.hotelkit.reservations.BookingStatus;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Stay;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole-hotel scenarios on a database: hotel-core's services wired to a {@link JpaStore} with
 * {@code Hotel.builder().storage(store)}, run on each database by a subclass. After each, the inventory's
 * night rows must be what the stored bookings, rooms and blocks take ({@link NightRows}).
 */
abstract class HotelScenarios {

    private static final DateRange WINDOW = DateRange.of(LocalDate.parse("2026-11-01"), LocalDate.parse("2027-03-01"));

    private final MutableClock clock = MutableClock.at(TestHotels.CLOCK_START);
    private Hotel hotel;
    private Property lisbon;

    abstract FreshDatabase db();

    @BeforeEach
    void openHotel() {
        hotel = newHotel();
        lisbon = TestHotels.lisbon(hotel, Fixtures.unique("L"));
    }

    /** A hotel on the store: its engine loaded from the database, as an instance's start-up does. */
    Hotel newHotel() {
        return Hotel.builder().storage(db().store()).clock(clock).build();
    }

    @Test
    void the_database_sells_a_night_to_its_own_overbooking_allowance_even_past_a_stale_engine() {
        // another instance, loaded before the allowance was set: its engine still sells STE's 2 rooms + 1
        Hotel other = newHotel();
        other.reload(lisbon.id());
        DateRange seventh = DateRange.of(LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-08"));
        hotel.inventory().setOverbooking(lisbon.id(), "STE", seventh, 0);

        TestHotels.book(other, lisbon, "STE", Stay.of("2026-12-07", "2026-12-08"));
        TestHotels.book(other, lisbon, "STE", Stay.of("2026-12-06", "2026-12-08"));
        assertThatThrownBy(() -> TestHotels.book(other, lisbon, "STE", Stay.of("2026-12-07", "2026-12-08")))
                .isInstanceOf(NotAvailableException.class);
        assertThat(db().store().nightAllowances().list(lisbon.id())).singleElement()
                .satisfies(night -> assertThat(night.allowance()).isZero());

        // raised to 2: this instance's engine has not seen the other's 2 sales, so the database refuses the 5th
        hotel.inventory().setOverbooking(lisbon.id(), "STE", seventh, 2);
        TestHotels.book(hotel, lisbon, "STE", Stay.of("2026-12-07", "2026-12-08"));
        TestHotels.book(hotel, lisbon, "STE", Stay.of("2026-12-07", "2026-12-08"));
        assertThatThrownBy(() -> TestHotels.book(hotel, lisbon, "STE", Stay.of("2026-12-07", "2026-12-08")))
                .isInstanceOf(NotAvailableException.class);
        Hotel restarted = newHotel();
        restarted.reload(lisbon.id());
        assertThat(restarted.engine().available(lisbon.id(), "STE", seventh)).isZero();
        assertThat(restarted.engine().available(lisbon.id(), "STE", DateRange.of(LocalDate.parse("2026-12-06"), LocalDate.parse("2026-12-07"))))
                .isEqualTo(2);
    }

    @Test
    void a_guest_stays_two_nights_pays_and_is_invoiced() {
        Stay stay = Stay.of("2026-12-01", "2026-12-03");
        Guest ana = hotel.guests().register(new NewGuest("Ana Silva", Fixtures.unique("ana") + "@example.com", null, "PT", null, true),
                null);
        Booking booking = hotel.bookings().book(new BookingRequest(lisbon.id(), ana.id(), null, "DBL", null, "FLEX", stay,
                Occupancy.of(2, 1), null, "late arrival", "tok_visa"), null);
        hotel.frontDesk().checkIn(lisbon.id(), booking.id(), null);
        hotel.folioCharges().charge(lisbon.id(), booking.id(), "Minibar", eur("12.50"), "minibar", null, null);

        clock.advance(Duration.ofHours(14)); // 00:00 in Lisbon: the 1st is over
        assertThat(hotel.nightAudit().close(lisbon.id()).charged()).isEqualTo(1);
        clock.advance(Duration.ofDays(1));
        hotel.nightAudit().close(lisbon.id());

        Folio folio = hotel.folioCharges().folio(lisbon.id(), booking.id());
        assertThat(folio.lines()).extracting(line -> line.kind()).containsExactly(FolioLineKind.EXTRA,
                FolioLineKind.ROOM, FolioLineKind.TAX, FolioLineKind.CITY_TAX,
                FolioLineKind.ROOM, FolioLineKind.TAX, FolioLineKind.CITY_TAX);
        assertThat(folio.balance()).isEqualTo(booking.total().plus(eur("12.50")));

        Payment payment = hotel.payments().pay(lisbon.id(), booking.id(), folio.balance().plus(eur("10.00")), PaymentMethod.CARD,
                "tok_visa", null);
        hotel.payments().refund(lisbon.id(), payment.id(), eur("10.00"), null);
        assertThat(hotel.payments().payment(lisbon.id(), payment.id()).refundable()).isEqualTo(folio.balance());
        Booking out = hotel.frontDesk().checkOut(lisbon.id(), booking.id());
        assertThat(out.status()).isEqualTo(BookingStatus.CHECKED_OUT);
        assertThat(hotel.loyalty().account(ana.id()).points()).isEqualTo(242);

        Invoice invoice = hotel.invoices().issue(lisbon.id(), booking.id(), null);
        clock.advance(Duration.ofMinutes(1)); // ids are time-ordered: a later id for the later document
        Invoice credit = hotel.invoices().credit(lisbon.id(), invoice.id(), null);
        assertThat(invoice.number()).isEqualTo("2026-000001");
        assertThat(credit.kind()).isEqualTo(InvoiceKind.CREDIT_NOTE);
        assertThat(credit.number()).isEqualTo("2026-000002");
        assertThat(hotel.invoices().invoices(lisbon.id(), null, 10)).containsExactly(invoice, credit);
        assertThat(hotel.personalData().export(ana.id()).invoices()).containsExactly(invoice, credit);
        NightRows.assertInStep(db().database(), hotel, lisbon.id(), WINDOW);
    }

    @Test
    void bookings_are_modified_moved_between_rooms_and_cancelled_and_the_night_rows_follow() {
        Booking a = book("DBL", "2026-12-05", "2026-12-08");
        Booking b = book("DBL", "2026-12-06", "2026-12-07");
        a = hotel.frontDesk().assignRoom(lisbon.id(), a.id(), "101");
        b = hotel.frontDesk().assignRoom(lisbon.id(), b.id(), "102");

        // b wants 101: a has not arrived and did not ask for it, so it moves
        b = hotel.frontDesk().assignRoom(lisbon.id(), b.id(), "101");
        a = hotel.bookings().booking(lisbon.id(), a.id());
        assertThat(b.roomNumber()).isEqualTo("101");
        assertThat(a.roomNumber()).isNotIn("101", null);
        NightRows.assertInStep(db().database(), hotel, lisbon.id(), WINDOW);

        a = hotel.bookings().modify(lisbon.id(), a.id(), a.version(), new BookingChanges(null, LocalDate.parse("2026-12-10"), null,
                null, null, null));
        assertThat(a.stay()).isEqualTo(Stay.of("2026-12-05", "2026-12-10"));
        Booking suite = hotel.bookings().modify(lisbon.id(), b.id(), b.version(), new BookingChanges(null, null, "STE", null, null,
                null));
        assertThat(suite.roomNumber()).isNull();
        hotel.cancellations().cancel(lisbon.id(), a.id(), "plans changed");

        hotel.inventory().takeOutOfOrder(lisbon.id(), "103", DateRange.of(LocalDate.parse("2026-12-05"), LocalDate.parse("2026-12-07")),
                "paint");
        Booking c = hotel.frontDesk().assignRoom(lisbon.id(), book("DBL", "2026-12-20", "2026-12-22").id(), "104");
        assertThatThrownBy(() -> hotel.inventory().takeOutOfOrder(lisbon.id(), "104",
                DateRange.of(LocalDate.parse("2026-12-21"), LocalDate.parse("2026-12-23")), "leak"))
                .isInstanceOf(NotAvailableException.class);
        hotel.inventory().endOutOfOrder(lisbon.id(), "103", LocalDate.parse("2026-12-05"));
        assertThat(c.roomNumber()).isEqualTo("104");
        NightRows.assertInStep(db().database(), hotel, lisbon.id(), WINDOW);
    }

    @Test
    void checking_in_to_a_room_moves_a_guest_who_has_not_arrived() {
        Booking arriving = book("DBL", "2026-12-01", "2026-12-04");
        Booking later = hotel.frontDesk().assignRoom(lisbon.id(), book("DBL", "2026-12-02", "2026-12-03").id(), "104");

        Booking in = hotel.frontDesk().checkIn(lisbon.id(), arriving.id(), "104");

        assertThat(in.roomNumber()).isEqualTo("104");
        assertThat(hotel.bookings().booking(lisbon.id(), later.id()).roomNumber()).isNotIn("104", null);
        NightRows.assertInStep(db().database(), hotel, lisbon.id(), WINDOW);
    }

    @Test
    void a_closed_block_keeps_what_was_picked_up_and_gives_back_the_rest() {
        DateRange nights = DateRange.of(LocalDate.parse("2026-12-20"), LocalDate.parse("2026-12-22"));
        hotel.blocks().create(lisbon.id(), "WED", "Wedding", "DBL", "FLEX", nights, 3, LocalDate.parse("2026-12-10"),
                BlockStatus.DEFINITE);
        Booking picked = hotel.bookings().book(new BookingRequest(lisbon.id(), guest().id(), null, "DBL", null, "FLEX",
                Stay.of("2026-12-20", "2026-12-22"), Occupancy.adults(2), "WED", null, null), null);
        NightRows.assertInStep(db().database(), hotel, lisbon.id(), WINDOW);

        hotel.blocks().cancel(lisbon.id(), "WED");

        assertThat(hotel.engine().available(lisbon.id(), "DBL", nights)).isEqualTo(4);
        assertThatThrownBy(() -> hotel.bookings().book(new BookingRequest(lisbon.id(), guest().id(), null, "DBL", null, "FLEX",
                Stay.of("2026-12-20", "2026-12-21"), Occupancy.adults(2), "WED", null, null), null))
                .isInstanceOf(NotAvailableException.class);
        hotel.cancellations().cancel(lisbon.id(), picked.id(), null);
        NightRows.assertInStep(db().database(), hotel, lisbon.id(), WINDOW);
    }

    @Test
    void the_night_audit_marks_no_shows_and_releases_due_blocks() {
        Booking noShow = book("STE", "2026-12-01", "2026-12-03");
        hotel.blocks().create(lisbon.id(), "CONF", "Conference", "STE", "FLEX",
                DateRange.of(LocalDate.parse("2026-12-10"), LocalDate.parse("2026-12-12")), 1, LocalDate.parse("2026-12-01"),
                BlockStatus.TENTATIVE);

        clock.advance(Duration.ofHours(14));
        NightAudit.Result result = hotel.nightAudit().close(lisbon.id());

        assertThat(result.noShows()).isEqualTo(1);
        assertThat(result.releasedBlocks()).containsExactly("CONF");
        assertThat(hotel.bookings().booking(lisbon.id(), noShow.id()).status()).isEqualTo(BookingStatus.NO_SHOW);
        NightRows.assertInStep(db().database(), hotel, lisbon.id(), WINDOW);
    }

    @Test
    void the_database_refuses_what_a_stale_engine_would_sell() {
        Hotel other = newHotel(); // a second server instance: its engine does not see what this one sells
        Stay stay = Stay.of("2026-12-10", "2026-12-12");
        hotel.bookings().book(new BookingRequest(lisbon.id(), guest().id(), null, null, "201", "FLEX", stay, Occupancy.adults(2),
                null, null, null), null);

        assertThatThrownBy(() -> other.bookings().book(new BookingRequest(lisbon.id(), guest().id(), null, null, "201", "FLEX", stay,
                Occupancy.adults(2), null, null, null), null))
                .isInstanceOfSatisfying(NotAvailableException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(NotAvailableException.Reason.ROOM_TAKEN));
        for (int i = 0; i < 5; i++) {
            book("DBL", "2026-12-10", "2026-12-11");
        }
        assertThatThrownBy(() -> other.bookings().book(BookingRequest.of(lisbon.id(), guest().id(), "DBL", "FLEX",
                Stay.of("2026-12-09", "2026-12-11"), Occupancy.adults(2)), null))
                .isInstanceOfSatisfying(NotAvailableException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(NotAvailableException.Reason.SOLD_OUT);
                    assertThat(refused.date()).isEqualTo(LocalDate.parse("2026-12-10"));
                });
        // the refusal left the other instance's engine as it was: it still sells the night before
        other.bookings().book(BookingRequest.of(lisbon.id(), guest().id(), "DBL", "FLEX", Stay.of("2026-12-09", "2026-12-10"),
                Occupancy.adults(2)), null);
        NightRows.assertInStep(db().database(), hotel, lisbon.id(), WINDOW);
    }

    @Test
    void a_booking_the_database_refuses_leaves_no_night_taken_in_a_transaction_that_goes_on() {
        Hotel other = newHotel(); // its engine does not see what this one sells, so the night rows refuse
        for (int i = 0; i < 5; i++) {
            book("DBL", "2026-12-10", "2026-12-11");
        }
        NightRows before = NightRows.read(db().database(), lisbon.id());

        // the first two nights are free and taken before the third is refused: the refusal must give them back
        other.storage().transactions().run(() -> assertThatThrownBy(() -> other.bookings().book(BookingRequest.of(lisbon.id(),
                guest().id(), "DBL", "FLEX", Stay.of("2026-12-08", "2026-12-11"), Occupancy.adults(2)), null))
                .isInstanceOf(NotAvailableException.class));

        assertThat(NightRows.read(db().database(), lisbon.id())).isEqualTo(before);
    }

    @Test
    void a_new_hotel_on_the_same_database_sees_the_same_availability() {
        List<Booking> made = new ArrayList<>();
        made.add(book("DBL", "2026-12-03", "2026-12-06"));
        made.add(book("DBL", "2026-12-04", "2026-12-05"));
        made.add(hotel.frontDesk().assignRoom(lisbon.id(), book("STE", "2026-12-02", "2026-12-07").id(), "202"));
        hotel.cancellations().cancel(lisbon.id(), made.get(1).id(), null);
        hotel.inventory().takeOutOfOrder(lisbon.id(), "105", DateRange.of(LocalDate.parse("2026-12-05"), LocalDate.parse("2026-12-09")),
                "carpet");
        hotel.blocks().create(lisbon.id(), "TOUR", "Tour", "DBL", "FLEX",
                DateRange.of(LocalDate.parse("2026-12-06"), LocalDate.parse("2026-12-08")), 2, LocalDate.parse("2026-12-05"),
                BlockStatus.DEFINITE);

        try (JpaStore again = db().database().open()) {
            Hotel restarted = Hotel.builder().storage(again).clock(clock).build();
            LocalDate night = LocalDate.parse("2026-12-01");
            for (int n = 0; n < 10; n++, night = night.plusDays(1)) {
                DateRange one = DateRange.of(night, night.plusDays(1));
                for (String type : List.of("DBL", "STE")) {
                    assertThat(restarted.engine().available(lisbon.id(), type, one)).as(type + " on " + night)
                            .isEqualTo(hotel.engine().available(lisbon.id(), type, one));
                }
                assertThat(restarted.engine().freeRooms(lisbon.id(), one, null)).as("free rooms on " + night)
                        .isEqualTo(hotel.engine().freeRooms(lisbon.id(), one, null));
            }
        }
        NightRows.assertInStep(db().database(), hotel, lisbon.id(), WINDOW);
    }

    private Booking book(String roomType, String checkin, String checkout) {
        return hotel.bookings().book(BookingRequest.of(lisbon.id(), guest().id(), roomType, "FLEX", Stay.of(checkin, checkout),
                Occupancy.adults(2)), null);
    }

    private Guest guest() {
        return hotel.guests().findOrRegister(NewGuest.of("Guest", "guest@example.com"));
    }
}

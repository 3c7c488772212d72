package io.hotelkit.contract;

import static io.hotelkit.testing.TestHotels.eur;
import static io.hotelkit.testing.TestHotels.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.Hotel;
import io.hotelkit.Storage;
import io.hotelkit.guests.Guest;
import io.hotelkit.inventory.Property;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.rates.MealPlan;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingChanges;
import io.hotelkit.reservations.BookingFilter;
import io.hotelkit.reservations.BookingRequest;
import io.hotelkit.reservations.BookingStatus;
import io.hotelkit.reservations.ChannelRef;
import io.hotelkit.reservations.PriceMismatchException;
import io.hotelkit.reservations.Reservation;
import io.hotelkit.reservations.ReservationRequest;
import io.hotelkit.reservations.ReservationService;
import io.hotelkit.reservations.RoomNotAvailableException;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.NotAvailableException;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Stay;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * Reservations of several rooms and channel bookings, on a storage: in memory here, on H2 and PostgreSQL in
 * the JPA module (where a second instance is a second store, with its own engine, over the same database).
 * Lisbon's DBL has 5 rooms and no overbooking; STE 2 rooms and an overbooking of 1.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
public abstract class ReservationsContract {

    protected final MutableClock clock = MutableClock.at(TestHotels.CLOCK_START);
    protected Hotel hotel;
    protected Property lisbon;
    protected Guest ana;
    private final Stay stay = stay("2026-12-10", "2026-12-12");

    /** A storage with nothing in it, on {@link #clock}. */
    protected abstract Storage newStorage();

    /** Another instance's storage over the same data as {@code first} (in memory: the same storage). */
    protected abstract Storage secondInstance(Storage first);

    /** Whether the store refuses an oversale itself, whatever an engine believes (a database does). */
    protected abstract boolean guardsInventoryItself();

    @BeforeEach
    void openHotel() {
        hotel = Hotel.builder().storage(newStorage()).clock(clock).build();
        lisbon = TestHotels.lisbon(hotel, "R" + Long.toString(System.nanoTime() % 1_000_000_000L, 36));
        ana = TestHotels.guest(hotel, "ana-" + lisbon.code().toLowerCase() + "@example.com");
        hotel.rates().addRatePlan(lisbon.id(), "OTA", "Channels", MealPlan.ROOM_ONLY,
                new CancellationPolicy(2, CancellationPolicy.Penalty.FIRST_NIGHT, null), null, BigDecimal.valueOf(15));
        hotel.rates().setPrices(lisbon.id(), "OTA", List.of(TestHotels.row("DBL",
                DateRange.of(TestHotels.BUSINESS_DATE, TestHotels.BUSINESS_DATE.plusDays(60)), "100.00")));
    }

    private ReservationService reservations() {
        return hotel.reservations();
    }

    private ReservationRequest.Room room(String roomType, int adults, String guestName) {
        return new ReservationRequest.Room(BookingRequest.of(lisbon.id(), ana.id(), roomType, "FLEX", stay, Occupancy.adults(adults)),
                guestName, null);
    }

    private ReservationRequest.Room channelRoom(String roomType, String ratePlan, @Nullable Money price) {
        return channelRoom(roomType, ratePlan, price, stay);
    }

    private ReservationRequest.Room channelRoom(String roomType, String ratePlan, @Nullable Money price, Stay nights) {
        return new ReservationRequest.Room(BookingRequest.of(lisbon.id(), ana.id(), roomType, ratePlan, nights, Occupancy.adults(2)),
                null, price);
    }

    private List<Booking> allBookings() {
        return hotel.bookings().bookings(BookingFilter.ofProperty(lisbon.id()), null, 500);
    }

    @Test
    void rooms_booked_together_share_a_confirmation_code_and_keep_their_own_bookings_and_folios() {
        Reservation reservation = reservations().book(ReservationRequest.of(List.of(
                room("DBL", 2, "Ana Silva"), room("STE", 3, "Rui Costa")))).reservation();

        assertThat(reservation.rooms()).hasSize(2);
        assertThat(reservation.rooms()).extracting(Booking::confirmationCode).containsOnly(reservation.confirmationCode());
        assertThat(reservation.rooms()).extracting(Booking::roomType).containsExactly("DBL", "STE");
        assertThat(reservation.rooms()).extracting(Booking::guestName).containsExactly("Ana Silva", "Rui Costa");
        assertThat(reservation.rooms()).extracting(Booking::reservationRoom).containsExactly(0, 1);
        assertThat(reservation.rooms().get(1).occupancy().adults()).isEqualTo(3);
        assertThat(reservation.total()).isEqualTo(reservation.rooms().get(0).total().plus(reservation.rooms().get(1).total()));
        for (Booking room : reservation.rooms()) {
            assertThat(hotel.folioCharges().folio(lisbon.id(), room.id()).lines()).isEmpty();
        }
        assertThat(reservations().reservation(lisbon.id(), reservation.id()).rooms())
                .extracting(Booking::id).containsExactlyElementsOf(reservation.rooms().stream().map(Booking::id).toList());
        assertThat(hotel.engine().available(lisbon.id(), "DBL", stay.nightsAsRange())).isEqualTo(4);
        assertThat(hotel.engine().available(lisbon.id(), "STE", stay.nightsAsRange())).isEqualTo(2);
    }

    @Test
    void cancelling_one_room_leaves_the_others_and_cancelling_the_reservation_cancels_the_rest() {
        Reservation reservation = reservations().book(ReservationRequest.of(List.of(
                room("DBL", 2, "Ana Silva"), room("DBL", 2, "Rui Costa"), room("STE", 2, "Eva Lima")))).reservation();

        hotel.cancellations().cancel(lisbon.id(), reservation.room(1).id(), "one fewer");
        assertThat(reservations().reservation(lisbon.id(), reservation.id()).rooms()).extracting(Booking::status)
                .containsExactly(BookingStatus.CONFIRMED, BookingStatus.CANCELLED, BookingStatus.CONFIRMED);

        Reservation cancelled = reservations().cancel(lisbon.id(), reservation.id(), "plans changed");
        assertThat(cancelled.rooms()).extracting(Booking::status).containsOnly(BookingStatus.CANCELLED);
        assertThat(cancelled.room(1).cancellationReason()).isEqualTo("one fewer");
        assertThat(hotel.engine().available(lisbon.id(), "DBL", stay.nightsAsRange())).isEqualTo(5);
        assertThat(hotel.engine().available(lisbon.id(), "STE", stay.nightsAsRange())).isEqualTo(3);
    }

    @Test
    void three_rooms_of_a_type_with_two_left_are_refused_whole_and_the_refusal_names_the_room() {
        for (int i = 0; i < 3; i++) {
            TestHotels.book(hotel, lisbon, "DBL", stay);
        }
        int before = allBookings().size();

        assertThatThrownBy(() -> reservations().book(ReservationRequest.of(List.of(
                room("STE", 2, "Eva Lima"), room("DBL", 2, "A"), room("DBL", 2, "B"), room("DBL", 2, "C")))))
                .isInstanceOfSatisfying(RoomNotAvailableException.class, refused -> {
                    assertThat(refused.room()).isEqualTo(3);
                    assertThat(refused.roomType()).isEqualTo("DBL");
                    assertThat(refused.reason()).isEqualTo(NotAvailableException.Reason.SOLD_OUT);
                });

        assertThat(allBookings()).hasSize(before);
        assertThat(hotel.engine().available(lisbon.id(), "DBL", stay.nightsAsRange())).isEqualTo(2);
        assertThat(hotel.engine().available(lisbon.id(), "STE", stay.nightsAsRange())).isEqualTo(3);
        // the two that are left are still there to book
        assertThat(reservations().book(ReservationRequest.of(List.of(room("DBL", 2, "A"), room("DBL", 2, "B"))))
                .reservation().rooms()).hasSize(2);
    }

    @Test
    void a_reservation_refused_by_the_store_behind_a_stale_engine_books_no_room() {
        Storage second = secondInstance(hotel.storage());
        Hotel other = Hotel.builder().storage(second).clock(clock).build();
        for (int i = 0; i < 4; i++) { // through this instance: the other's engine does not see them
            TestHotels.book(hotel, lisbon, "DBL", stay);
        }
        int before = allBookings().size();
        if (!guardsInventoryItself()) {
            return; // in memory, each engine is the only guard of its own hotel
        }
        assertThatThrownBy(() -> other.reservations().book(ReservationRequest.of(List.of(
                room("STE", 2, "Eva Lima"), room("DBL", 2, "A"), room("DBL", 2, "B")))))
                .isInstanceOfSatisfying(RoomNotAvailableException.class, refused -> assertThat(refused.room()).isEqualTo(2));
        assertThat(allBookings()).hasSize(before);
        assertThat(other.engine().available(lisbon.id(), "STE", stay.nightsAsRange())).isEqualTo(3);
    }

    @Test
    void a_channel_booking_sent_again_returns_the_first_whatever_it_asks() {
        ChannelRef ref = ChannelRef.of("booking.com", "BDC-4711");
        ReservationService.Booked first = reservations().book(new ReservationRequest(
                List.of(channelRoom("DBL", "FLEX", null)), ref));
        ReservationService.Booked again = reservations().book(new ReservationRequest(
                List.of(channelRoom("STE", "FLEX", null), channelRoom("DBL", "FLEX", null)), ref));

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.reservation().rooms()).extracting(Booking::id)
                .containsExactly(first.reservation().room(0).id());
        assertThat(first.reservation().channel()).isEqualTo(ref);
        assertThat(reservations().reservation(lisbon.id(), ref).room(0).channel()).isEqualTo(ref);
        assertThat(allBookings()).hasSize(1);
    }

    @Test
    void the_same_channel_booking_racing_on_two_instances_is_booked_once() throws Exception {
        Hotel other = Hotel.builder().storage(secondInstance(hotel.storage())).clock(clock).build();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                ChannelRef ref = ChannelRef.of("expedia", "EXP-" + round);
                Stay nights = Stay.of(stay.checkin().plusDays(2L * round), stay.checkout().plusDays(2L * round));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ReservationService.Booked>> sent = new ArrayList<>();
                for (Hotel instance : List.of(hotel, other)) {
                    sent.add(threads.submit(() -> {
                        start.await();
                        return instance.reservations().book(new ReservationRequest(List.of(channelRoom("DBL", "FLEX", null, nights)), ref));
                    }));
                }
                start.countDown();
                ReservationService.Booked a = sent.get(0).get(30, TimeUnit.SECONDS);
                ReservationService.Booked b = sent.get(1).get(30, TimeUnit.SECONDS);
                assertThat(a.created() ^ b.created()).as("round %d: exactly one made it", round).isTrue();
                assertThat(a.reservation().room(0).id()).isEqualTo(b.reservation().room(0).id());
                assertThat(reservations().reservation(lisbon.id(), ref).rooms()).hasSize(1);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(allBookings()).hasSize(8);
    }

    @Test
    void a_channel_price_stands_only_within_the_rate_plans_tolerance() {
        // FLEX takes no other price: 2 nights of 100.00
        assertThatThrownBy(() -> reservations().book(new ReservationRequest(
                List.of(channelRoom("DBL", "FLEX", eur("210.00"))), ChannelRef.of("agoda", "A-1"))))
                .isInstanceOfSatisfying(PriceMismatchException.class, refused -> {
                    assertThat(refused.expected()).isEqualTo(eur("200.00"));
                    assertThat(refused.tolerance()).isNull();
                });
        // OTA takes a channel's price within 15 %
        assertThatThrownBy(() -> reservations().book(new ReservationRequest(
                List.of(channelRoom("DBL", "OTA", eur("231.00"))), ChannelRef.of("agoda", "A-2"))))
                .isInstanceOfSatisfying(PriceMismatchException.class, refused -> {
                    assertThat(refused.expected()).isEqualTo(eur("200.00"));
                    assertThat(refused.tolerance()).isEqualByComparingTo("15");
                });
        // not a channel: the offer's price, or none
        assertThatThrownBy(() -> reservations().book(ReservationRequest.of(List.of(channelRoom("DBL", "OTA", eur("215.00"))))))
                .isInstanceOf(PriceMismatchException.class);
        assertThat(allBookings()).isEmpty();

        Booking marked = reservations().book(new ReservationRequest(
                List.of(channelRoom("DBL", "OTA", eur("215.01"))), ChannelRef.of("agoda", "A-3"))).reservation().room(0);
        assertThat(marked.roomTotal()).isEqualTo(eur("215.01"));
        assertThat(marked.nightly()).containsExactly(eur("107.51"), eur("107.50"));
        // 215.01 + 10 % VAT on top (21.50) + city tax 2 nights x 2 persons x 2.00
        assertThat(marked.total()).isEqualTo(eur("244.51"));
        Booking atOffer = reservations().book(new ReservationRequest(
                List.of(channelRoom("DBL", "FLEX", eur("200.00"))), ChannelRef.of("agoda", "A-4"))).reservation().room(0);
        assertThat(atOffer.total()).isEqualTo(eur("228.00"));
    }

    @Test
    void channel_bookings_are_never_accepted_past_the_rooms_and_the_overbooking_allowance() {
        // STE: 2 rooms and an overbooking of 1
        TestHotels.book(hotel, lisbon, "STE", stay);
        for (int i = 0; i < 2; i++) {
            reservations().book(new ReservationRequest(List.of(channelRoom("STE", "FLEX", null)), ChannelRef.of("hrs", "H-" + i)));
        }
        assertThatThrownBy(() -> reservations().book(new ReservationRequest(
                List.of(channelRoom("STE", "FLEX", null)), ChannelRef.of("hrs", "H-9"))))
                .isInstanceOfSatisfying(RoomNotAvailableException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(NotAvailableException.Reason.SOLD_OUT));
        assertThat(allBookings()).filteredOn(b -> b.roomType().equals("STE")).hasSize(3);
        assertThat(hotel.engine().available(lisbon.id(), "STE", stay.nightsAsRange())).isZero();
    }

    @Test
    void a_channel_booking_is_changed_and_cancelled_by_its_reference() {
        ChannelRef ref = ChannelRef.of("booking.com", "BDC-9");
        Reservation booked = reservations().book(new ReservationRequest(
                List.of(channelRoom("DBL", "FLEX", null), channelRoom("DBL", "FLEX", null)), ref)).reservation();

        Booking longer = reservations().modify(lisbon.id(), ref, 1, null,
                new BookingChanges(null, stay.checkout().plusDays(1), null, null, null, null));
        assertThat(longer.id()).isEqualTo(booked.room(1).id());
        assertThat(longer.stay().nights()).isEqualTo(3);
        assertThat(longer.channel()).isEqualTo(ref);

        Reservation cancelled = reservations().cancel(lisbon.id(), ref, "guest cancelled at the channel");
        assertThat(cancelled.rooms()).extracting(Booking::status).containsOnly(BookingStatus.CANCELLED);
        assertThat(hotel.engine().available(lisbon.id(), "DBL", longer.stay().nightsAsRange())).isEqualTo(5);
    }
}

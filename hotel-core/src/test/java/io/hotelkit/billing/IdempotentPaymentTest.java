package io.hotelkit.billing;

import static io.hotelkit.testing.TestHotels.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.Hotel;
import io.hotelkit.inventory.Property;
import io.hotelkit.memory.MemoryStorage;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingRequest;
import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.Idempotency;
import io.hotelkit.shared.IdempotencyKey;
import io.hotelkit.shared.IdempotencyKeyReusedException;
import io.hotelkit.shared.IdempotencyStore;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Stay;
import io.hotelkit.testing.ForwardingStorage;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An embedder without the server gets idempotent bookings and payments from hotel-core alone, with one
 * idempotency record per key, also when its own request around the service holds the key.
 */
class IdempotentPaymentTest {

    private final MutableClock clock = MutableClock.at(TestHotels.CLOCK_START);
    private final SimulatedPaymentGateway gateway = SimulatedPaymentGateway.reliable();
    private final List<String> gatewayKeys = new ArrayList<>();
    private final List<IdempotencyKey> recorded = new ArrayList<>();
    private Hotel hotel;
    private Property lisbon;
    private Booking booking;

    @BeforeEach
    void setUp() {
        MemoryStorage memory = new MemoryStorage(clock);
        IdempotencyStore counting = new IdempotencyStore() {
            @Override
            public Claim claim(IdempotencyKey key, String fingerprint) {
                Claim claim = memory.idempotency().claim(key, fingerprint);
                if (claim instanceof Claim.Fresh) {
                    recorded.add(key); // a fresh claim is the record's row
                }
                return claim;
            }

            @Override
            public void complete(IdempotencyKey key, String outcome) {
                memory.idempotency().complete(key, outcome);
            }
        };
        PaymentGateway keyed = new PaymentGateway() {
            @Override
            public Result capture(String idempotencyKey, String cardToken, Money amount) {
                gatewayKeys.add(idempotencyKey);
                return gateway.capture(idempotencyKey, cardToken, amount);
            }

            @Override
            public Result refund(String idempotencyKey, String captureReference, Money amount) {
                gatewayKeys.add(idempotencyKey);
                return gateway.refund(idempotencyKey, captureReference, amount);
            }
        };
        hotel = Hotel.builder().clock(clock).storage(new ForwardingStorage(memory) {
            @Override
            public IdempotencyStore idempotency() {
                return counting;
            }
        }).paymentGateway(keyed).build();
        lisbon = TestHotels.lisbon(hotel);
        booking = TestHotels.book(hotel, lisbon, "DBL", Stay.of("2026-12-01", "2026-12-03"));
    }

    @Test
    void a_card_payment_paid_twice_with_one_key_captures_once_and_writes_one_record() {
        IdempotencyKey key = new IdempotencyKey("embedder", "pay-1");

        Payment first = hotel.payments().pay(lisbon.id(), booking.id(), eur("40.00"), PaymentMethod.CARD, "tok_visa", key);
        Payment again = hotel.payments().pay(lisbon.id(), booking.id(), eur("40.00"), PaymentMethod.CARD, "tok_visa", key);

        assertThat(again).isEqualTo(first);
        assertThat(gateway.calls()).isEqualTo(1);
        assertThat(recorded).containsExactly(key);
        assertThat(hotel.payments().payments(lisbon.id(), booking.id())).hasSize(1);
        assertThat(gatewayKeys).singleElement().asString().startsWith("pay_").hasSize(44)
                .isEqualTo(PaymentService.gatewayIdempotencyKey("pay_", key, () -> "unused"))
                .doesNotContain(key.key());
    }

    @Test
    void the_same_key_for_another_payment_is_refused_and_moves_no_money() {
        IdempotencyKey key = new IdempotencyKey("embedder", "pay-2");
        hotel.payments().pay(lisbon.id(), booking.id(), eur("40.00"), PaymentMethod.CARD, "tok_visa", key);

        assertThatThrownBy(() -> hotel.payments().pay(lisbon.id(), booking.id(), eur("41.00"), PaymentMethod.CARD,
                "tok_visa", key)).isInstanceOf(IdempotencyKeyReusedException.class);

        assertThat(gateway.calls()).isEqualTo(1);
        assertThat(hotel.payments().payments(lisbon.id(), booking.id())).hasSize(1);
        assertThat(recorded).containsExactly(key);
    }

    @Test
    void an_embedders_request_around_a_payment_with_the_same_key_writes_one_record_and_replays() {
        IdempotencyKey key = new IdempotencyKey("embedder", "checkout-7");
        Idempotency.Request request = Idempotency.Request.of("settle at checkout").with("booking_id", booking.id().value());

        String first = hotel.idempotency().once(key, request, () -> hotel.payments().pay(lisbon.id(), booking.id(),
                eur("40.00"), PaymentMethod.CARD, "tok_visa", key).id().value(), id -> id, id -> id);
        String again = hotel.idempotency().once(key, request, () -> {
            throw new AssertionError("a replay runs nothing");
        }, id -> id, id -> id);

        assertThat(again).isEqualTo(first);
        assertThat(recorded).containsExactly(key);
        assertThat(gateway.calls()).isEqualTo(1);
        assertThat(gatewayKeys).containsExactly(PaymentService.gatewayIdempotencyKey("pay_", key, () -> "unused"));
    }

    @Test
    void a_booking_retried_with_its_key_is_made_once() {
        IdempotencyKey key = new IdempotencyKey("embedder", "book-1");
        GuestId ana = TestHotels.guest(hotel, "ana@example.com").id();
        BookingRequest request = BookingRequest.of(lisbon.id(), ana, "DBL", "FLEX", Stay.of("2026-12-05", "2026-12-07"),
                Occupancy.adults(2));

        Booking first = hotel.bookings().book(request, key);
        Booking again = hotel.bookings().book(request, key);

        assertThat(again).isEqualTo(first);
        assertThat(recorded).containsExactly(key);
        assertThatThrownBy(() -> hotel.bookings().book(BookingRequest.of(lisbon.id(), ana, "DBL", "FLEX",
                Stay.of("2026-12-05", "2026-12-08"), Occupancy.adults(2)), key))
                .isInstanceOf(IdempotencyKeyReusedException.class);
    }

    @Test
    void payments_without_a_key_get_a_new_gateway_key_each() {
        hotel.payments().pay(lisbon.id(), booking.id(), eur("10.00"), PaymentMethod.CARD, "tok_visa", null);
        hotel.payments().pay(lisbon.id(), booking.id(), eur("10.00"), PaymentMethod.CARD, "tok_visa", null);

        assertThat(gatewayKeys).hasSize(2).doesNotHaveDuplicates().allSatisfy(key -> assertThat(key).startsWith("pay_"));
        assertThat(recorded).isEmpty();
    }
}

package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.access.Role;
import io.hotelkit.reservations.BookingFilter;
import io.hotelkit.shared.PropertyId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code Idempotency-Key} on the real creating POSTs (bookings, payments, guests) over real sockets: a
 * retried create creates nothing new, whatever the database. A subclass names the storage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CreatingPostsIdempotency {

    private LiveServer server;
    private Fixture fixture;
    private Api api;
    private Lisbon lisbon;

    /** A fixture on the storage under test. */
    abstract Fixture fixture();

    @BeforeAll
    void start() {
        server = LiveServer.start(fixture());
        fixture = server.fixture();
        api = server.api();
        lisbon = Lisbon.setUp(api, fixture);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    /** A night of its own for each test, past the nights {@link Lisbon#charged()} books. */
    private String stay(String email, int day) {
        return """
                {"guest": {"name": "Ana Silva", "email": "%s"}, "room_type": "DBL", "rate_plan": "FLEX",
                 "checkin_date": "%s", "checkout_date": "%s", "adults": 2}""".formatted(email, lisbon.day(day),
                lisbon.day(day + 1));
    }

    private Api.Response book(String key, String body, String idempotencyKey) {
        return api.post(lisbon.path("/bookings"), key, body, "Idempotency-Key", idempotencyKey);
    }

    private int bookings() {
        return fixture.hotel.storage().transactions().inTransaction(() -> fixture.hotel.storage().bookings()
                .list(BookingFilter.ofProperty(PropertyId.of(lisbon.id)), null, 10_000).size());
    }

    @Test
    void a_booking_posted_a_hundred_times_with_one_key_is_made_once_and_replayed_99_times() {
        int before = bookings();
        String body = stay(Lisbon.unique("hundred") + "@example.com", 62);

        var first = book(lisbon.frontDesk, body, "book-100");
        List<Api.Response> replays = new ArrayList<>();
        for (int i = 0; i < 99; i++) {
            replays.add(book(lisbon.frontDesk, body, "book-100"));
        }

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(replays).allSatisfy(replay -> {
            assertThat(replay.status()).isEqualTo(201);
            assertThat(replay.body()).isEqualTo(first.body());
            assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
            assertThat(replay.header("ETag")).isEqualTo(first.header("ETag"));
            assertThat(replay.header("Idempotent-Replayed")).contains("true");
        });
        assertThat(bookings()).isEqualTo(before + 1);
    }

    @Test
    void ten_bookings_at_once_with_one_key_make_one_and_the_others_replay_it_or_are_told_it_runs() throws Exception {
        int before = bookings();
        String body = stay(Lisbon.unique("rush") + "@example.com", 64);

        List<Api.Response> responses = Api.inParallel(10, () -> book(lisbon.frontDesk, body, "book-rush"));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(201, 409));
        List<Api.Response> created = responses.stream().filter(r -> r.status() == 201).toList();
        assertThat(created).isNotEmpty().extracting(Api.Response::body).containsOnly(created.getFirst().body());
        assertThat(responses.stream().filter(r -> r.status() == 409))
                .allSatisfy(r -> assertThat(r.problem()).isEqualTo("idempotency-key-in-use"));
        assertThat(bookings()).isEqualTo(before + 1);
        assertThat(book(lisbon.frontDesk, body, "book-rush").header("Idempotent-Replayed")).contains("true");
    }

    @Test
    void the_same_key_with_another_booking_is_422_and_books_nothing() {
        book(lisbon.frontDesk, stay(Lisbon.unique("first") + "@example.com", 66), "book-other");
        int before = bookings();

        var other = book(lisbon.frontDesk, stay(Lisbon.unique("second") + "@example.com", 66), "book-other");

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.problem()).isEqualTo("idempotency-key-reused");
        assertThat(bookings()).isEqualTo(before);
    }

    @Test
    void another_api_key_with_the_same_idempotency_key_books_anew() {
        String body = stay(Lisbon.unique("shared") + "@example.com", 68);
        String otherDesk = fixture.key(Role.FRONT_DESK, lisbon.id);
        int before = bookings();

        var mine = book(lisbon.frontDesk, body, "book-shared");
        var theirs = book(otherDesk, body, "book-shared");

        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.header("Idempotent-Replayed")).isEmpty();
        assertThat(theirs.json().path("id").asText()).isNotEqualTo(mine.json().path("id").asText());
        assertThat(bookings()).isEqualTo(before + 2);
    }

    @Test
    void a_card_payment_retried_with_its_key_calls_the_gateway_once_and_pays_once() {
        String booking = lisbon.charged();
        String body = """
                {"booking_id": "%s", "amount": {"amount": "10.00", "currency": "EUR"}, "method": "card",
                 "card_token": "tok_visa"}""".formatted(booking);
        int calls = fixture.gatewayCalls.get();

        var first = api.post(lisbon.path("/payments"), lisbon.frontDesk, body, "Idempotency-Key", "pay-once");
        var again = api.post(lisbon.path("/payments"), lisbon.frontDesk, body, "Idempotency-Key", "pay-once");

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(fixture.gatewayCalls.get() - calls).isEqualTo(1);
        var folio = api.get(lisbon.path("/bookings/" + booking + "/folio"), lisbon.frontDesk).json();
        assertThat(folio.path("balance").path("amount").asText()).isEqualTo("0.00");
    }

    @Test
    void a_payment_posted_with_a_key_writes_one_idempotency_record_and_replays_it() {
        String body = """
                {"booking_id": "%s", "amount": {"amount": "10.00", "currency": "EUR"}, "method": "card",
                 "card_token": "tok_visa"}""".formatted(lisbon.charged());
        long records = fixture.idempotencyRecords();
        int calls = fixture.gatewayCalls.get();

        var first = api.post(lisbon.path("/payments"), lisbon.frontDesk, body, "Idempotency-Key", "pay-one-record");
        long afterFirst = fixture.idempotencyRecords();
        var again = api.post(lisbon.path("/payments"), lisbon.frontDesk, body, "Idempotency-Key", "pay-one-record");
        var other = api.post(lisbon.path("/payments"), lisbon.frontDesk, body.replace("10.00", "11.00"),
                "Idempotency-Key", "pay-one-record");

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(afterFirst - records).as("records written by one payment with a key").isEqualTo(1);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.problem()).isEqualTo("idempotency-key-reused");
        assertThat(fixture.idempotencyRecords()).isEqualTo(afterFirst);
        assertThat(fixture.gatewayCalls.get() - calls).as("captures").isEqualTo(1);
    }

    @Test
    void a_refund_retried_with_its_key_calls_the_gateway_once() {
        String payment = api.post(lisbon.path("/payments"), lisbon.frontDesk, """
                {"booking_id": "%s", "amount": {"amount": "10.00", "currency": "EUR"}, "method": "card",
                 "card_token": "tok_mastercard"}""".formatted(lisbon.charged())).json().path("id").asText();
        String refund = "{\"amount\": {\"amount\": \"3.00\", \"currency\": \"EUR\"}}";
        int calls = fixture.gatewayCalls.get();

        var first = api.post(lisbon.path("/payments/" + payment + "/refunds"), lisbon.frontDesk, refund,
                "Idempotency-Key", "refund-once");
        var again = api.post(lisbon.path("/payments/" + payment + "/refunds"), lisbon.frontDesk, refund,
                "Idempotency-Key", "refund-once");

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(fixture.gatewayCalls.get() - calls).isEqualTo(1);
        assertThat(api.get(lisbon.path("/payments/" + payment), lisbon.frontDesk).json().path("refunds")).hasSize(1);
    }

    @Test
    void a_guest_registered_twice_with_one_key_is_registered_once() {
        String body = "{\"name\": \"Rui Costa\", \"email\": \"" + Lisbon.unique("rui") + "@example.com\"}";

        var first = api.post("/v1/guests", lisbon.frontDesk, body, "Idempotency-Key", "guest-once");
        var again = api.post("/v1/guests", lisbon.frontDesk, body, "Idempotency-Key", "guest-once");
        var withoutKey = api.post("/v1/guests", lisbon.frontDesk, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(withoutKey.status()).as("the email is taken now").isEqualTo(409);
        assertThat(withoutKey.json().path("existing_id").asText()).isEqualTo(first.json().path("id").asText());
    }
}

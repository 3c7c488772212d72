package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.access.Role;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A property set up over the API the way a hotel would be: Lisbon Riverside, EUR, VAT 6 % on top of prices
 * and 2.00 city tax per person and night; room type {@code DBL} (rooms 101 to 103) and {@code SGL} (room
 * 201); rate plan {@code FLEX} at 100.00 a night for DBL and 80.00 for SGL, and {@code NRF} 10 % below it;
 * prices from its business date ({@link #today}, 2026-11-25 unless a test has moved the clock) to 2027-02-23.
 */
final class Lisbon {

    final String id;
    final String today;
    final String admin;
    final String manager;
    final String frontDesk;
    final String auditor;
    final String housekeeping;
    final String channel;
    private final Api api;

    private Lisbon(Api api, Fixture fixture, String code) {
        this(api, fixture, code, "");
    }

    /** @param more more fields of the property, each after a comma: {@code , "language": "pt"} */
    private Lisbon(Api api, Fixture fixture, String code, String more) {
        this.api = api;
        this.admin = fixture.key(Role.ADMIN);
        var property = api.post("/v1/properties", admin, """
                {"code": "%s", "name": "Lisbon Riverside", "timezone": "Europe/Lisbon", "currency": "EUR",
                 "check_in_time": "15:00", "check_out_time": "11:00",
                 "tax": {"vat_percent": 6, "vat_included": false,
                         "city_tax_per_person_night": {"amount": "2.00", "currency": "EUR"}}%s}""".formatted(code, more));
        assertThat(property.status()).as(property.toString()).isEqualTo(201);
        this.id = property.json().path("id").asText();
        this.today = property.json().path("business_date").asText();
        this.manager = fixture.key(Role.MANAGER, id);
        this.frontDesk = fixture.key(Role.FRONT_DESK, id);
        this.auditor = fixture.key(Role.AUDITOR, id);
        this.housekeeping = fixture.key(Role.HOUSEKEEPING, id);
        this.channel = fixture.key(Role.CHANNEL, id);
        created(path("/room-types"), """
                {"code": "DBL", "name": "Double", "max_adults": 2, "max_children": 1, "max_occupancy": 3}""");
        created(path("/room-types"), """
                {"code": "SGL", "name": "Single", "max_adults": 1, "max_children": 0, "max_occupancy": 1,
                 "base_occupancy": 1}""");
        for (String room : new String[] {"101", "102", "103"}) {
            created(path("/rooms"), "{\"number\": \"" + room + "\", \"room_type\": \"DBL\", \"floor\": \"1\"}");
        }
        created(path("/rooms"), "{\"number\": \"201\", \"room_type\": \"SGL\"}");
        created(path("/rate-plans"), """
                {"code": "FLEX", "name": "Flexible", "meal_plan": "breakfast",
                 "cancellation_policy": {"free_until_days_before": 2, "penalty": "first_night"}}""");
        created(path("/rate-plans"), """
                {"code": "NRF", "name": "Non-refundable",
                 "cancellation_policy": {"free_until_days_before": 0, "penalty": "full_stay"},
                 "derived_from": {"rate_plan": "FLEX", "adjustment_percent": -10}}""");
        var prices = api.put(path("/rate-plans/FLEX/prices"), manager, """
                [{"room_type": "DBL", "from": "%1$s", "to": "2027-02-23",
                  "amount": {"amount": "100.00", "currency": "EUR"},
                  "extra_adult": {"amount": "30.00", "currency": "EUR"},
                  "extra_child": {"amount": "15.00", "currency": "EUR"}},
                 {"room_type": "SGL", "from": "%1$s", "to": "2027-02-23",
                  "amount": {"amount": "80.00", "currency": "EUR"}}]""".formatted(today));
        assertThat(prices.status()).as(prices.toString()).isEqualTo(204);
    }

    private static final AtomicInteger PROPERTIES = new AtomicInteger();

    /** A new property, with a code of its own, so that a test class may set up one per test. */
    static Lisbon setUp(Api api, Fixture fixture) {
        return new Lisbon(api, fixture, "LIS" + PROPERTIES.incrementAndGet());
    }

    /** Lisbon with more fields to its property: {@code , "language": "pt"}. */
    static Lisbon setUp(Api api, Fixture fixture, String more) {
        return new Lisbon(api, fixture, "LIS" + PROPERTIES.incrementAndGet(), more);
    }

    /** {@code /v1/properties/{propertyId}} followed by {@code tail}. */
    String path(String tail) {
        return "/v1/properties/" + id + tail;
    }

    /** Books a DBL at FLEX for a new guest and returns the booking. */
    Api.Response book(String checkin, String checkout, String email) {
        return book(frontDesk, checkin, checkout, email);
    }

    /** Books a DBL at FLEX for a new guest, with {@code key}, and returns the booking. */
    Api.Response book(String key, String checkin, String checkout, String email) {
        var booking = api.post(path("/bookings"), key, """
                {"guest": {"name": "Ana Silva", "email": "%s"}, "room_type": "DBL", "rate_plan": "FLEX",
                 "checkin_date": "%s", "checkout_date": "%s", "adults": 2}""".formatted(email, checkin, checkout));
        assertThat(booking.status()).as(booking.toString()).isEqualTo(201);
        return booking;
    }

    // ---- things to act on, each new: the id (or code, or number) of what was made ----

    private static final AtomicInteger MADE = new AtomicInteger();

    /** A name no other test has used: {@code prefix} and a number. */
    static String unique(String prefix) {
        return prefix + MADE.incrementAndGet();
    }

    /** The business date plus {@code days}. */
    String day(int days) {
        return LocalDate.parse(today).plusDays(days).toString();
    }

    /** A booking of one night from today, made with {@code key}, for a new guest. */
    String booking(String key) {
        return booking(key, 0);
    }

    /** A booking of the night {@code day(days)}, made with {@code key}, for a new guest. */
    String booking(String key, int days) {
        return book(key, day(days), day(days + 1), unique("guest") + "@example.com").json().path("id").asText();
    }

    private final AtomicInteger reservationDays = new AtomicInteger();

    /** A reservation of two DBL rooms, made with {@code key} on nights of their own; its id. */
    String reservation(String key) {
        int days = 10 + 2 * reservationDays.getAndIncrement();
        return expect(201, api.post(path("/reservations"), key, """
                {"guest": {"name": "Ana Silva", "email": "%s"}, "rate_plan": "FLEX", "checkin_date": "%s",
                 "checkout_date": "%s", "rooms": [{"room_type": "DBL", "adults": 2, "guest_name": "Ana Silva"},
                 {"room_type": "DBL", "adults": 1, "guest_name": "Rui Costa"}]}"""
                .formatted(unique("group") + "@example.com", day(days), day(days + 1)))).json().path("id").asText();
    }

    /** A channel's booking of a DBL (source {@code bdc}) made with {@code key} on a night of its own; its external_ref. */
    String channelBooking(String key) {
        int days = 11 + 2 * reservationDays.getAndIncrement();
        String ref = unique("BDC-");
        expect(201, api.post(path("/bookings"), key, """
                {"guest": {"name": "Ana Silva", "email": "%s"}, "room_type": "DBL", "rate_plan": "FLEX",
                 "checkin_date": "%s", "checkout_date": "%s", "adults": 2, "source": "bdc", "external_ref": "%s"}"""
                .formatted(unique("ota") + "@example.com", day(days), day(days + 1), ref)));
        return ref;
    }

    /** A booking of one night from today, checked in. */
    String checkedIn() {
        String id = booking(frontDesk);
        expect(200, api.post(path("/bookings/" + id + "/check-in"), frontDesk));
        return id;
    }

    /** A booking checked in and paid in full, ready to check out. */
    String settled() {
        String id = checkedIn();
        String total = api.get(path("/bookings/" + id), frontDesk).json().path("total").path("amount").asText();
        expect(201, api.post(path("/payments"), frontDesk, """
                {"booking_id": "%s", "amount": {"amount": "%s", "currency": "EUR"}, "method": "cash"}"""
                .formatted(id, total)));
        return id;
    }

    /** A booking of some night ahead, with a 10.00 minibar charge on its folio. */
    String charged() {
        String id = booking(frontDesk, 2 + MADE.get() % 60);
        expect(201, api.post(path("/bookings/" + id + "/charges"), frontDesk, """
                {"description": "Minibar", "amount": {"amount": "10.00", "currency": "EUR"}, "category": "minibar"}"""));
        return id;
    }

    /** A 10.00 cash payment towards a charged booking. */
    String payment() {
        return expect(201, api.post(path("/payments"), frontDesk, """
                {"booking_id": "%s", "amount": {"amount": "10.00", "currency": "EUR"}, "method": "cash"}"""
                .formatted(charged()))).json().path("id").asText();
    }

    /** An invoice of a charged booking's folio. */
    String invoice() {
        return expect(201, api.post(path("/bookings/" + charged() + "/invoices"), frontDesk)).json().path("id").asText();
    }

    /** A registered guest. */
    String guest() {
        return expect(201, api.post("/v1/guests", frontDesk, """
                {"name": "Rita Sousa", "email": "%s@example.com", "phone": "+351 912 000 000"}"""
                .formatted(unique("rita")))).json().path("id").asText();
    }

    /** A new DBL room; its number. */
    String room() {
        String number = unique("R");
        created(path("/rooms"), "{\"number\": \"" + number + "\", \"room_type\": \"DBL\"}");
        return number;
    }

    /** A new room out of order for the night {@code day(30)}; its number. */
    String outOfOrderRoom() {
        String number = room();
        created(path("/rooms/" + number + "/out-of-order"), """
                {"from": "%s", "to": "%s", "reason": "paint"}""".formatted(day(30), day(31)));
        return number;
    }

    /** A tentative block of one DBL for the night {@code day(40)}; its code. */
    String block() {
        String code = unique("B");
        created(path("/blocks"), """
                {"code": "%s", "name": "Group", "room_type": "DBL", "rate_plan": "FLEX", "from": "%s", "to": "%s",
                 "rooms": 1, "release_date": "%s", "status": "tentative"}""".formatted(code, day(40), day(41), day(35)));
        return code;
    }

    /** A new API key scoped to this property; its id. */
    String apiKey() {
        return expect(201, api.post("/v1/api-keys", admin, """
                {"name": "desk", "role": "front_desk", "property_ids": ["%s"]}""".formatted(id))).json().path("id").asText();
    }

    private static Api.Response expect(int status, Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    private void created(String path, String body) {
        var response = api.post(path, manager, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }
}

package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.access.Role;
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
        this.api = api;
        this.admin = fixture.key(Role.ADMIN);
        var property = api.post("/v1/properties", admin, """
                {"code": "%s", "name": "Lisbon Riverside", "timezone": "Europe/Lisbon", "currency": "EUR",
                 "check_in_time": "15:00", "check_out_time": "11:00",
                 "tax": {"vat_percent": 6, "vat_included": false,
                         "city_tax_per_person_night": {"amount": "2.00", "currency": "EUR"}}}""".formatted(code));
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

    /** {@code /v1/properties/{id}} followed by {@code tail}. */
    String path(String tail) {
        return "/v1/properties/" + id + tail;
    }

    /** Books a DBL at FLEX for a new guest and returns the booking. */
    Api.Response book(String checkin, String checkout, String email) {
        var booking = api.post(path("/bookings"), frontDesk, """
                {"guest": {"name": "Ana Silva", "email": "%s"}, "room_type": "DBL", "rate_plan": "FLEX",
                 "checkin_date": "%s", "checkout_date": "%s", "adults": 2}""".formatted(email, checkin, checkout));
        assertThat(booking.status()).as(booking.toString()).isEqualTo(201);
        return booking;
    }

    private void created(String path, String body) {
        var response = api.post(path, manager, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }
}

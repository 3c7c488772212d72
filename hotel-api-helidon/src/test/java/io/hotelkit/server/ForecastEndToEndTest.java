package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.hotelkit.Hotel;
import io.hotelkit.access.Role;
import io.hotelkit.shared.NotAvailableException;
import io.hotelkit.forecast.BookingHistory;
import io.hotelkit.forecast.CancellationModel;
import io.hotelkit.forecast.CancellationTrainer;
import io.hotelkit.forecast.LabelledBooking;
import io.hotelkit.forecast.TrainingConfig;
import io.hotelkit.guests.NewGuest;
import io.hotelkit.inventory.Property;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingFilter;
import io.hotelkit.reservations.BookingRequest;
import io.hotelkit.reservations.BookingStatus;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Stay;
import io.hotelkit.testing.TestHotels;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A seeded slice of a hotel's life, then the forecast through the API: training in the background,
 * the forecast per night, a booking's chance, applying the recommendation; and the same history and seed
 * give the same model, byte for byte.
 */
@RoutingTest
class ForecastEndToEndTest extends RoutingTestBase {

    private static final long SEED = 2026;
    private static final Fixture fixture = new Fixture();

    ForecastEndToEndTest(DirectClient client) {
        super(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture.routing(routing);
    }

    @Test
    void a_hotel_trains_on_its_history_forecasts_its_nights_and_applies_the_advice() throws Exception {
        Hotel hotel = fixture.hotel;
        Property property = TestHotels.lisbon(hotel, "FCT");
        String p = "/v1/properties/" + property.id().value();
        String manager = fixture.key(Role.MANAGER, property.id().value());
        String auditor = fixture.key(Role.AUDITOR, property.id().value());
        live(hotel, property, 70);

        assertThat(api.get(p + "/forecast?from=2027-02-09&to=2027-02-16", manager).status()).isEqualTo(409);
        var training = api.post(p + "/forecast/train", manager);
        assertThat(training.status()).as(training.toString()).isEqualTo(202);
        // bounded: the training of a few hundred bookings takes well under a second
        for (int i = 0; i < 600 && fixture.infrastructure.forecasts().training(property.id()); i++) {
            Thread.sleep(100);
        }
        assertThat(fixture.infrastructure.forecasts().lastFailure(property.id())).isEmpty();
        CancellationModel served = fixture.infrastructure.forecasts().model(property.id()).orElseThrow();
        assertThat(served.version()).isEqualTo(1);

        LocalDate today = hotel.inventory().property(property.id()).businessDate();
        LocalDate to = today.plusDays(7);
        var forecast = api.get(p + "/forecast?from=" + today + "&to=" + to + "&walk_cost=250&max_walk_risk=0.2", auditor);
        assertThat(forecast.status()).as(forecast.toString()).isEqualTo(200);
        JsonNode nights = forecast.json().path("nights");
        assertThat(nights).hasSize(7 * 2);
        assertThat(forecast.json().path("model").path("version").asLong()).isEqualTo(1);
        Map<String, Integer> recommended = new TreeMap<>();
        for (JsonNode night : nights) {
            long onBooks = hotel.bookings().bookings(BookingFilter.ofProperty(property.id()), null, 10_000).stream()
                    .filter(b -> b.status().holdsInventory() && b.roomType().equals(night.path("room_type").asText())
                            && b.stay().includesNight(LocalDate.parse(night.path("night").asText())))
                    .count();
            assertThat(night.path("on_books").asLong()).as(night.toString()).isEqualTo(onBooks);
            assertThat(night.path("expected_cancellations").asDouble()).isBetween(0.0, (double) onBooks);
            assertThat(night.path("net_demand").asDouble() + night.path("expected_cancellations").asDouble())
                    .isCloseTo(onBooks, org.assertj.core.data.Offset.offset(0.011));
            recommended.put(night.path("room_type").asText() + " " + night.path("night").asText(),
                    night.path("recommended_overbooking").asInt());
        }

        Booking ahead = hotel.bookings().bookings(BookingFilter.ofProperty(property.id()), null, 10_000).stream()
                .filter(b -> b.status() == BookingStatus.CONFIRMED).findFirst().orElseThrow();
        var chance = api.get(p + "/bookings/" + ahead.id().value() + "/cancellation-forecast", manager);
        assertThat(chance.status()).as(chance.toString()).isEqualTo(200);
        assertThat(chance.json().path("probability").asDouble()).isBetween(0.0, 1.0);
        assertThat(chance.json().path("features").findValuesAsText("")).doesNotContain("status");
        assertThat(api.get(p + "/bookings/" + ahead.id().value() + "/cancellation-forecast", auditor).status()).isEqualTo(403);

        var applied = api.post(p + "/forecast/apply", manager,
                "{\"from\": \"" + today + "\", \"to\": \"" + to + "\", \"walk_cost\": 250, \"max_walk_risk\": 0.2}");
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        for (String type : List.of("DBL", "STE")) {
            var overbooking = api.get(p + "/room-types/" + type + "/overbooking?from=" + today + "&to=" + to, manager);
            assertThat(overbooking.status()).isEqualTo(200);
            for (JsonNode night : overbooking.json().path("nights")) {
                assertThat(night.path("overbooking").asInt()).as(type + " " + night)
                        .isEqualTo(recommended.get(type + " " + night.path("night").asText()));
            }
        }

        // the same history and seed: the same model, byte for byte
        List<Booking> all = hotel.bookings().bookings(BookingFilter.ofProperty(property.id()), null, 10_000);
        Map<String, Integer> rooms = Map.of("DBL", 5, "STE", 2);
        List<LabelledBooking> history = BookingHistory.labelled(all, property.timezone(), rooms);
        CancellationTrainer trainer = new CancellationTrainer(TrainingConfig.defaults());
        CancellationModel again = trainer.train(history, 1, served.trainedAt());
        assertThat(again.toBytes()).isEqualTo(served.toBytes());
        assertThat(trainer.train(history, 1, served.trainedAt()).toBytes()).isEqualTo(again.toBytes());
    }

    /**
     * {@code days} days of a small hotel, seeded: each day some bookings for the weeks ahead (long leads,
     * flexible rates and no special requests cancel more), the day's cancellations, the arrivals checked
     * in, and the night audit.
     */
    private static void live(Hotel hotel, Property property, int days) {
        Random random = new Random(SEED);
        fixture.clock.set(Instant.parse("2026-12-01T20:00:00Z"));
        Map<String, LocalDate> cancelOn = new TreeMap<>();
        int guest = 0;
        for (int day = 0; day < days; day++) {
            LocalDate today = hotel.inventory().property(property.id()).businessDate();
            for (int i = 0; i < 7; i++) {
                int lead = random.nextInt(25);
                int nights = 1 + random.nextInt(2);
                boolean flexible = random.nextInt(3) > 0;
                boolean requests = random.nextInt(4) == 0;
                String type = random.nextInt(4) == 0 ? "STE" : "DBL";
                double risk = 0.05 + lead / 40.0 + (flexible ? 0.2 : 0) - (requests ? 0.2 : 0);
                try {
                    Booking booking = hotel.bookings().book(new BookingRequest(property.id(), null,
                            NewGuest.of("Guest " + guest, "g" + guest++ + "@example.com"), type, null, flexible ? "FLEX" : "NRF",
                            Stay.of(today.plusDays(lead), today.plusDays(lead + nights)), Occupancy.adults(2), null,
                            requests ? "quiet room" : null, null), null);
                    if (random.nextDouble() < risk) {
                        cancelOn.put(booking.id().value(), today.plusDays(random.nextInt(lead + 1)));
                    }
                } catch (NotAvailableException full) {
                    // a full night: the guest books elsewhere
                }
            }
            List<Booking> confirmed = new ArrayList<>(hotel.bookings().bookings(BookingFilter.ofProperty(property.id()), null, 10_000)
                    .stream().filter(b -> b.status() == BookingStatus.CONFIRMED).toList());
            for (Booking booking : confirmed) {
                LocalDate when = cancelOn.get(booking.id().value());
                if (when != null && !when.isAfter(today)) {
                    hotel.cancellations().cancel(property.id(), booking.id(), "plans changed");
                } else if (booking.stay().checkin().equals(today)) {
                    try {
                        hotel.frontDesk().checkIn(property.id(), booking.id(), null);
                    } catch (io.hotelkit.reservations.NoRoomFitsException overbooked) {
                        hotel.cancellations().cancel(property.id(), booking.id(), "walked: the suites were overbooked");
                    }
                }
            }
            hotel.nightAudit().close(property.id());
            fixture.clock.advance(Duration.ofDays(1));
        }
    }
}

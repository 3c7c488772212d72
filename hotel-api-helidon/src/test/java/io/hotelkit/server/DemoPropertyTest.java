package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.Hotel;
import io.hotelkit.availability.Availability;
import io.hotelkit.availability.AvailabilityQuery;
import io.hotelkit.availability.Offer;
import io.hotelkit.inventory.Property;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Stay;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DemoPropertyTest {

    private final Hotel hotel = Hotel.inMemory(Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC));

    @Test
    void the_demo_property_sells_twenty_rooms_at_flex_and_nrf_for_a_year() {
        DemoProperty.createIfEmpty(hotel);

        Property demo = hotel.inventory().properties(null, 10).getFirst();
        assertThat(demo.code()).isEqualTo(DemoProperty.CODE);
        assertThat(hotel.inventory().rooms(demo.id())).hasSize(20);
        assertThat(hotel.inventory().roomTypes(demo.id())).extracting(t -> t.code()).containsExactly("DLX", "FAM", "STD", "STE");
        Availability inAYear = hotel.availability().search(AvailabilityQuery.of(demo.id(),
                Stay.of("2027-11-20", "2027-11-22"), Occupancy.adults(2)));
        assertThat(inAYear.offers()).extracting(Offer::ratePlan).contains("FLEX", "NRF");
        Offer friday = hotel.availability().search(new AvailabilityQuery(demo.id(), Stay.of("2026-11-27", "2026-11-28"),
                Occupancy.adults(2), "STD", "FLEX")).offers().getFirst();
        assertThat(friday.nightly().getFirst().amount().amount()).isEqualByComparingTo("138.00");
    }

    @Test
    void a_database_with_a_property_gets_no_demo() {
        DemoProperty.createIfEmpty(hotel);
        DemoProperty.createIfEmpty(hotel);

        assertThat(hotel.inventory().properties(null, 10)).hasSize(1);
    }

    @Test
    void a_demo_asked_for_on_a_database_with_data_is_logged_as_ignored() {
        DemoProperty.createIfEmpty(hotel);

        try (CapturedLog log = new CapturedLog()) {
            DemoProperty.createIfEmpty(hotel);

            assertThat(log.text()).contains("HOTEL_DEMO=true ignored: the database has properties already");
        }
    }
}

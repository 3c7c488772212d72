package io.hotelkit.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PropertyId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ForecastServiceTest {

    private static final PropertyId P = PropertyId.of("p1");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T03:00:00Z"), ZoneOffset.UTC);
    private static final CancellationTrainer TRAINER = new CancellationTrainer(new TrainingConfig(30, 4, 0.2, 7, 50));

    @Test
    void training_runs_in_the_background_and_a_new_service_loads_the_stored_model() throws Exception {
        ModelStore store = ModelStore.inMemory();
        CountDownLatch release = new CountDownLatch(1);
        try (ForecastService service = new ForecastService(store, TRAINER, CLOCK)) {
            var job = service.train(P, () -> {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Slices.bookings(4, 600);
            });
            // the call came back while the history was still being read: nothing blocked
            assertThat(service.training(P)).isTrue();
            assertThat(service.model(P)).isEmpty();
            assertThat(service.train(P, List::of)).isSameAs(job);
            release.countDown();
            assertThat(job.get(60, TimeUnit.SECONDS).version()).isEqualTo(1);
            assertThat(service.model(P).orElseThrow().version()).isEqualTo(1);
            assertThat(service.train(P, () -> Slices.bookings(5, 600)).get(60, TimeUnit.SECONDS).version()).isEqualTo(2);
        }
        try (ForecastService restarted = new ForecastService(store, TRAINER, CLOCK)) {
            assertThat(restarted.model(P).orElseThrow().version()).isEqualTo(2);
        }
    }

    @Test
    void the_forecast_counts_bookings_per_night_and_type_and_nets_out_expected_cancellations() {
        List<LabelledBooking> history = Slices.bookings(8, 800);
        CancellationModel model = TRAINER.train(history, 1, CLOCK.instant());
        List<BookingSnapshot> onBooks = history.subList(0, 300).stream().map(LabelledBooking::snapshot).toList();
        LocalDate night = onBooks.get(0).stay().checkin();
        DemandForecaster forecaster = new DemandForecaster(model,
                new OverbookingRule(Money.of("300", "EUR"), Money.of("100", "EUR"), 0.05));

        List<NightForecast> nights = forecaster.forecast(DateRange.of(night, night.plusDays(2)), Map.of("DBL", 10, "TWN", 10), onBooks);

        assertThat(nights).hasSize(4);
        for (NightForecast n : nights) {
            long expected = onBooks.stream().filter(b -> b.roomType().equals(n.roomType()) && b.stay().includesNight(n.night())).count();
            assertThat(n.onBooks()).isEqualTo(expected);
            assertThat(n.netDemand()).isCloseTo(n.onBooks() - n.expectedCancellations(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(n.expectedCancellations()).isBetween(0.0, (double) n.onBooks());
            assertThat(n.recommendedAllowance()).isBetween(0, 10);
        }
    }
}

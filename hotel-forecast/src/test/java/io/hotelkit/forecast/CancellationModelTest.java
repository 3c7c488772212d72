package io.hotelkit.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CancellationModelTest {

    private static final Instant AT = Instant.parse("2026-12-01T03:00:00Z");
    private static final TrainingConfig SMALL = new TrainingConfig(40, 4, 0.2, 7, 50);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void the_same_bookings_and_seed_give_the_same_model_byte_for_byte(long seed) {
        List<LabelledBooking> slice = Slices.bookings(seed, 1500);
        CancellationModel first = new CancellationTrainer(SMALL.withSeed(seed)).train(slice, 1, AT);
        CancellationModel second = new CancellationTrainer(SMALL.withSeed(seed)).train(slice, 1, AT);

        assertThat(second.toBytes()).as("seed %d", seed).isEqualTo(first.toBytes());
        List<BookingSnapshot> some = slice.subList(0, 100).stream().map(LabelledBooking::snapshot).toList();
        assertThat(second.probabilities(some)).as("seed %d", seed).containsExactly(first.probabilities(some));
    }

    @Test
    void a_model_learns_the_causes_of_cancellation_it_was_shown() {
        List<LabelledBooking> train = Slices.bookings(11, 3000);
        List<LabelledBooking> test = Slices.bookings(12, 1000);
        CancellationModel model = new CancellationTrainer(SMALL).train(train, 1, AT);

        double[] p = model.probabilities(test.stream().map(LabelledBooking::snapshot).toList());
        double cancelled = 0, kept = 0;
        int nc = 0, nk = 0;
        for (int i = 0; i < p.length; i++) {
            assertThat(p[i]).isBetween(0.0, 1.0);
            if (test.get(i).cancelled()) {
                cancelled += p[i];
                nc++;
            } else {
                kept += p[i];
                nk++;
            }
        }
        assertThat(cancelled / nc).as("mean chance of the cancelled against the kept").isGreaterThan(kept / nk + 0.1);
    }

    @Test
    void a_stored_model_loads_with_its_version_and_predicts_the_same(@TempDir Path dir) {
        List<LabelledBooking> slice = Slices.bookings(5, 800);
        CancellationModel model = new CancellationTrainer(SMALL).train(slice, 3, AT);
        ModelStore store = ModelStore.inDirectory(dir);
        store.save(io.hotelkit.shared.PropertyId.of("p1"), new CancellationTrainer(SMALL).train(slice, 2, AT));
        store.save(io.hotelkit.shared.PropertyId.of("p1"), model);

        CancellationModel loaded = store.latest(io.hotelkit.shared.PropertyId.of("p1")).orElseThrow();

        assertThat(loaded.version()).isEqualTo(3);
        assertThat(loaded.trainedAt()).isEqualTo(AT);
        assertThat(loaded.trainedOn()).isEqualTo(800);
        BookingSnapshot one = slice.get(0).snapshot();
        assertThat(loaded.probability(one)).isEqualTo(model.probability(one));
        assertThat(store.latest(io.hotelkit.shared.PropertyId.of("p2"))).isEmpty();
    }

    @Test
    void training_is_refused_with_too_few_bookings_or_one_outcome() {
        assertThatThrownBy(() -> new CancellationTrainer(SMALL).train(Slices.bookings(1, 10), 1, AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 50");
        List<LabelledBooking> allKept = Slices.bookings(1, 100).stream().map(b -> new LabelledBooking(b.snapshot(), false)).toList();
        assertThatThrownBy(() -> new CancellationTrainer(SMALL).train(allKept, 1, AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both cancelled and kept");
    }

    @Test
    void bytes_that_are_not_a_model_are_refused() {
        assertThatThrownBy(() -> CancellationModel.fromBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a hotelkit cancellation model");
    }
}

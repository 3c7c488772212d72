package io.hotelkit.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecentIdsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 100, 1000, 5000})
    void the_last_ids_added_are_remembered_and_ids_two_generations_old_are_not(int remembered) {
        RecentIds ids = new RecentIds(remembered);
        int added = 5 * remembered + 17;
        for (int i = 0; i < added; i++) {
            ids.add("id-" + i);
            assertThat(ids.contains("id-" + i)).as("just added, remembered %d", remembered).isTrue();
        }
        for (int i = added - remembered; i < added; i++) {
            assertThat(ids.contains("id-" + i)).as("id-%d of %d, remembered %d", i, added, remembered).isTrue();
        }
        for (int i = 0; i < added - 2 * remembered; i++) {
            assertThat(ids.contains("id-" + i)).as("id-%d of %d, remembered %d", i, added, remembered).isFalse();
        }
        assertThat(ids.contains("never-added")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 10})
    void adding_an_id_again_does_not_count_twice(int remembered) {
        RecentIds ids = new RecentIds(remembered);
        for (int i = 0; i < 10 * remembered; i++) {
            ids.add("same");
        }
        ids.add("other");
        assertThat(ids.contains("same")).isTrue();
        assertThat(ids.contains("other")).isTrue();
    }
}

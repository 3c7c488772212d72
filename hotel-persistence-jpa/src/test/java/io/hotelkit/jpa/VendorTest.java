package io.hotelkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The settings a store adds to the URL it is given, so that what it commits is kept. */
class VendorTest {

    @Test
    void h2_is_opened_so_that_a_commit_is_in_the_file_when_it_returns_and_no_trace_file_is_written() {
        String url = Vendor.H2.connectionUrl("jdbc:h2:file:./data/hotelkit;AUTO_SERVER=FALSE");

        assertThat(url).isEqualTo("jdbc:h2:file:./data/hotelkit;AUTO_SERVER=FALSE;WRITE_DELAY=0;TRACE_LEVEL_FILE=0");
    }

    @Test
    void an_h2_setting_the_url_names_is_kept() {
        assertThat(Vendor.H2.connectionUrl("jdbc:h2:file:./h;write_delay=500;TRACE_LEVEL_FILE=1"))
                .isEqualTo("jdbc:h2:file:./h;write_delay=500;TRACE_LEVEL_FILE=1");
    }

    @Test
    void a_postgresql_url_is_left_as_it_is() {
        assertThat(Vendor.POSTGRESQL.connectionUrl("jdbc:postgresql://db:5432/hotel?user=hotel"))
                .isEqualTo("jdbc:postgresql://db:5432/hotel?user=hotel");
    }
}

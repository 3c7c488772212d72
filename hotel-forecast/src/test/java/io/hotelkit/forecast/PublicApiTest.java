package io.hotelkit.forecast;

import io.hotelkit.testing.ApiListing;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The public API of hotel-forecast is what {@code api/hotel-forecast.api} lists: a change of the API shows as a diff of that
 * file. To accept one: {@code ./mvnw -B -ntp -o test -pl hotel-forecast -am -Dtest=PublicApiTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dapi.update=true}.
 */
class PublicApiTest {

    @Test
    void the_public_api_is_the_one_listed_in_the_api_file() {
        Path basedir = Path.of(System.getProperty("basedir", "."));
        ApiListing.check(basedir.resolve("target/classes"), basedir.resolve("api/hotel-forecast.api"), "hotel-forecast");
    }
}

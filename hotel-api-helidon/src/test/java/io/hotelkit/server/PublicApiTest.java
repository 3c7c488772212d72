package io.hotelkit.server;

import io.hotelkit.testing.ApiListing;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The public API of hotel-api-helidon is what {@code api/hotel-api-helidon.api} lists: starting the server from
 * another program. A change of it shows as a diff of that file. To accept one: {@code ./mvnw -B -ntp -o test -pl
 * hotel-api-helidon -am -Dtest=PublicApiTest -Dsurefire.failIfNoSpecifiedTests=false -Dapi.update=true}.
 */
class PublicApiTest {

    @Test
    void the_public_api_is_the_one_listed_in_the_api_file() {
        Path basedir = Path.of(System.getProperty("basedir", "."));
        ApiListing.check(basedir.resolve("target/classes"), basedir.resolve("api/hotel-api-helidon.api"), "hotel-api-helidon");
    }
}

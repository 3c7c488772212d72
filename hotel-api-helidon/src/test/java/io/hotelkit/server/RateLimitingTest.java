package io.hotelkit.server;

import static io.hotelkit.access.Role.AUDITOR;
import static io.hotelkit.access.Role.HOUSEKEEPING;
import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Tag;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Housekeeping keys get 3 requests and a refill of one every 4 s, on a clock that never moves. */
@RoutingTest
class RateLimitingTest extends RoutingTestBase {

    private static final Fixture fixture = new Fixture(Map.of(HOUSEKEEPING, new RateLimiter.Limit(3, 0.25)));

    RateLimitingTest(DirectClient client) {
        super(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture.routing(routing);
    }

    @Test
    void every_response_carries_the_buckets_state() {
        String key = fixture.key(HOUSEKEEPING);

        var first = api.get("/v1/properties/P1/widgets", key);
        var second = api.get("/v1/properties/P1/widgets", key);

        assertThat(first.header("RateLimit-Limit")).contains("3");
        assertThat(first.header("RateLimit-Remaining")).contains("2");
        assertThat(first.header("RateLimit-Reset")).contains("4");
        assertThat(second.header("RateLimit-Remaining")).contains("1");
        assertThat(second.header("RateLimit-Reset")).contains("8");
    }

    @Test
    void error_responses_carry_the_headers_too() {
        String key = fixture.key(HOUSEKEEPING);

        var forbidden = api.post("/v1/properties/P1/widgets", key, "{}");
        var notFound = api.get("/v1/no-such-thing", key);

        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.header("RateLimit-Remaining")).contains("2");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.header("RateLimit-Remaining")).contains("1");
    }

    @Test
    void a_key_past_its_limit_is_429_with_retry_after_in_whole_seconds() {
        String key = fixture.key(HOUSEKEEPING);
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/v1/properties/P1/widgets", key).status()).isEqualTo(200);
        }

        var refused = api.get("/v1/properties/P1/widgets", key);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.problem()).isEqualTo("rate-limited");
        assertThat(refused.header("Retry-After")).contains("4");
        assertThat(refused.header("RateLimit-Remaining")).contains("0");
    }

    @Test
    void each_key_has_its_own_bucket() {
        String spent = fixture.key(HOUSEKEEPING);
        for (int i = 0; i < 4; i++) {
            api.get("/v1/properties/P1/widgets", spent);
        }

        var other = api.get("/v1/properties/P1/widgets", fixture.key(HOUSEKEEPING));

        assertThat(other.status()).isEqualTo(200);
        assertThat(other.header("RateLimit-Remaining")).contains("2");
    }

    @Test
    void each_role_has_its_own_limit() {
        var response = api.get("/v1/properties/P1/widgets", fixture.key(AUDITOR));

        assertThat(response.header("RateLimit-Limit")).contains(Long.toString(Fixture.GENEROUS.capacity()));
    }

    @Test
    void refusals_are_counted_by_role() {
        String key = fixture.key(HOUSEKEEPING);
        long before = refusals();
        for (int i = 0; i < 5; i++) {
            api.get("/v1/properties/P1/widgets", key);
        }

        assertThat(refusals() - before).isEqualTo(2);
    }

    private static long refusals() {
        return fixture.infrastructure.meters().registry()
                .meter(Counter.class, "hotel.rate_limit.refused", List.of(Tag.create("role", "housekeeping")))
                .map(Counter::count)
                .orElse(0L);
    }
}

package io.hotelkit.server;

import static io.hotelkit.access.Role.FRONT_DESK;
import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@RoutingTest
class IdempotencyTest extends RoutingTestBase {

    private static final Fixture fixture = new Fixture();
    private static final String LAMP = """
            {"name": "lamp", "price": {"amount": "12.50", "currency": "EUR"}, "size": 2, "made_on": "2026-11-01"}""";
    private static final String PATH = "/v1/properties/P1/widgets";

    private final String key = fixture.key(FRONT_DESK);

    IdempotencyTest(DirectClient client) {
        super(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture.routing(routing);
    }

    @BeforeEach
    void count_from_zero() {
        fixture.widgets.creations.set(0);
    }

    private Api.Response create(String idempotencyKey, String body) {
        return api.post(PATH, key, body, "Idempotency-Key", idempotencyKey);
    }

    @Test
    void the_same_key_a_hundred_times_creates_once_and_replays_the_first_response() {
        var first = create("k-100", LAMP);

        for (int i = 0; i < 99; i++) {
            var again = create("k-100", LAMP);
            assertThat(again.status()).isEqualTo(201);
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(again.header("Location")).isEqualTo(first.header("Location"));
            assertThat(again.header("Idempotent-Replayed")).contains("true");
        }
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(fixture.widgets.creations.get()).isEqualTo(1);
    }

    @Test
    void the_same_body_with_other_whitespace_and_key_order_is_the_same_request() {
        create("k-order", LAMP);

        var again = create("k-order", """
                { "size": 2, "made_on": "2026-11-01", "price": { "currency": "EUR", "amount": "12.50" },
                  "name": "lamp" }""");

        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(fixture.widgets.creations.get()).isEqualTo(1);
    }

    @Test
    void the_same_key_with_another_body_is_422_and_creates_nothing() {
        create("k-other", LAMP);

        var other = create("k-other", LAMP.replace("lamp", "chair"));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.problem()).isEqualTo("idempotency-key-reused");
        assertThat(fixture.widgets.creations.get()).isEqualTo(1);
    }

    @Test
    void the_same_key_on_another_path_is_another_request() {
        create("k-path", LAMP);

        var elsewhere = api.post("/v1/properties/P2/widgets", key, LAMP, "Idempotency-Key", "k-path");

        assertThat(elsewhere.status()).isEqualTo(422);
    }

    @Test
    void keys_are_per_api_key() {
        create("k-shared", LAMP);

        var fromAnotherKey = api.post(PATH, fixture.key(FRONT_DESK), LAMP, "Idempotency-Key", "k-shared");

        assertThat(fromAnotherKey.status()).isEqualTo(201);
        assertThat(fromAnotherKey.header("Idempotent-Replayed")).isEmpty();
        assertThat(fixture.widgets.creations.get()).isEqualTo(2);
    }

    @Test
    void without_a_key_every_request_creates() {
        api.post(PATH, key, LAMP);
        api.post(PATH, key, LAMP);

        assertThat(fixture.widgets.creations.get()).isEqualTo(2);
    }

    @Test
    void a_refused_creation_does_not_use_up_its_key() {
        String conflicting = LAMP.replace("lamp", "conflict");

        var first = create("k-refused", conflicting);
        var retry = create("k-refused", conflicting);

        assertThat(first.status()).isEqualTo(409);
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.header("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void an_invalid_request_does_not_use_up_its_key() {
        var invalid = create("k-invalid", LAMP.replace("\"size\": 2", "\"size\": 0"));
        var valid = create("k-invalid", LAMP);

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(valid.status()).isEqualTo(201);
        assertThat(valid.header("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void an_overlong_key_is_400() {
        assertThat(create("k".repeat(256), LAMP).status()).isEqualTo(400);
        assertThat(fixture.widgets.creations.get()).isZero();
    }
}

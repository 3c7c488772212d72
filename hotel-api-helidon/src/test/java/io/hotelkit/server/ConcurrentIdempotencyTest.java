package io.hotelkit.server;

import static io.hotelkit.access.Role.FRONT_DESK;
import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Concurrent requests with one idempotency key, over real sockets on the loopback. */
@ServerTest
class ConcurrentIdempotencyTest {

    private static final Fixture fixture = new Fixture();
    private static final String PATH = "/v1/properties/P1/widgets";
    private static final int REQUESTS = 10;

    private final Api api;
    private final String key = fixture.key(FRONT_DESK);

    ConcurrentIdempotencyTest(Http1Client client) {
        this.api = new Api(client);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        fixture.server(server);
    }

    @BeforeEach
    void count_from_zero() {
        fixture.widgets.creations.set(0);
    }

    private static String widget(String name) {
        return """
                {"name": "%s", "price": {"amount": "9.00", "currency": "EUR"}, "size": 1, "made_on": "2026-11-01"}"""
                .formatted(name);
    }

    @Test
    void ten_concurrent_requests_with_one_key_create_once() throws Exception {
        List<Api.Response> responses = Api.inParallel(REQUESTS, () -> api.post(PATH, key, widget("rush"), "Idempotency-Key", "k-10"));

        assertThat(fixture.widgets.creations.get()).isEqualTo(1);
        List<Api.Response> created = responses.stream().filter(r -> r.status() == 201).toList();
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(201, 409));
        assertThat(created).isNotEmpty();
        assertThat(created).extracting(Api.Response::body).containsOnly(created.getFirst().body());
    }

    @Test
    void a_request_while_the_first_with_its_key_still_runs_is_409() throws Exception {
        fixture.widgets.entered = new CountDownLatch(1);
        fixture.widgets.release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Api.Response> first = pool.submit(
                    () -> api.post(PATH, key, widget("slow"), "Idempotency-Key", "k-running"));
            assertThat(fixture.widgets.entered.await(30, TimeUnit.SECONDS)).isTrue();

            List<Api.Response> during = Api.inParallel(REQUESTS,
                    () -> api.post(PATH, key, widget("slow"), "Idempotency-Key", "k-running"));
            fixture.widgets.release.countDown();

            assertThat(during).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(409);
                assertThat(r.problem()).isEqualTo("idempotency-key-in-use");
            });
            assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
        }
        var after = api.post(PATH, key, widget("slow"), "Idempotency-Key", "k-running");
        assertThat(after.header("Idempotent-Replayed")).contains("true");
        assertThat(fixture.widgets.creations.get()).isEqualTo(1);
    }
}

package io.hotelkit.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GatewaySimulatorTest {

    private final GatewaySimulator gateway = GatewaySimulator.start(0, Mode.RELIABLE, 1);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void a_capture_repeated_with_its_key_is_answered_the_same_and_captured_once() throws Exception {
        HttpResponse<String> first = post("/v1/captures", "k1", "card_token=tok_visa&amount=10.00&currency=EUR");
        HttpResponse<String> again = post("/v1/captures", "k1", "card_token=tok_visa&amount=10.00&currency=EUR");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"status\":\"approved\"", "\"replayed\":false");
        assertThat(again.body()).isEqualTo(first.body().replace("\"replayed\":false", "\"replayed\":true"));
        assertThat(gateway.captures()).singleElement().satisfies(capture -> {
            assertThat(capture.idempotencyKey()).isEqualTo("k1");
            assertThat(capture.amount()).isEqualByComparingTo(new BigDecimal("10"));
        });
        assertThat(get("/v1/captures").body()).contains("\"idempotency_key\":\"k1\"").containsOnlyOnce("\"id\":");
    }

    @Test
    void a_key_reused_for_another_request_is_409_and_a_declined_card_is_an_answer() throws Exception {
        post("/v1/captures", "k1", "card_token=tok_visa&amount=10.00&currency=EUR");

        assertThat(post("/v1/captures", "k1", "card_token=tok_visa&amount=11.00&currency=EUR").statusCode()).isEqualTo(409);
        HttpResponse<String> declined = post("/v1/captures", "k2", "card_token=tok_declined&amount=1&currency=EUR");
        assertThat(declined.statusCode()).isEqualTo(200);
        assertThat(declined.body()).contains("\"status\":\"declined\"", "card declined");
        assertThat(gateway.captures()).hasSize(1);
    }

    @Test
    void bad_input_is_400_naming_what_is_wrong() throws Exception {
        assertThat(post("/v1/captures", null, "card_token=tok_visa&amount=1&currency=EUR").body()).contains("Idempotency-Key");
        assertThat(post("/v1/captures", "k", "card_token=tok_visa&amount=-1&currency=EUR").body()).contains("amount");
        assertThat(post("/v1/captures", "k", "card_token=tok_visa&amount=1&currency=euro").statusCode()).isEqualTo(400);
        assertThat(put("/admin/mode", "failure_rate=2").statusCode()).isEqualTo(400);
        assertThat(gateway.captures()).isEmpty();
    }

    @Test
    void a_failure_captures_nothing_and_a_retry_once_it_recovers_captures_once() throws Exception {
        assertThat(put("/admin/mode", "failure_rate=1").body()).contains("\"failure_rate\":1.0");

        assertThat(post("/v1/captures", "k1", "card_token=tok_visa&amount=5&currency=EUR").statusCode()).isEqualTo(503);
        assertThat(gateway.captures()).isEmpty();

        put("/admin/mode", "failure_rate=0");
        assertThat(post("/v1/captures", "k1", "card_token=tok_visa&amount=5&currency=EUR").statusCode()).isEqualTo(200);
        assertThat(gateway.captures()).hasSize(1);
    }

    @Test
    void a_timed_out_capture_is_recorded_and_the_retry_with_its_key_finds_it() throws Exception {
        gateway.mode(Mode.RELIABLE.with(Map.of("timeout_rate", "1", "timeout_ms", "2000")));
        HttpRequest slow = request("/v1/captures", "k1", "card_token=tok_visa&amount=5&currency=EUR")
                .timeout(Duration.ofMillis(200)).build();

        assertThatThrownBy(() -> http.send(slow, HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
        assertThat(gateway.captures()).as("done, though answered too late").hasSize(1);

        gateway.mode(Mode.RELIABLE);
        HttpResponse<String> retry = post("/v1/captures", "k1", "card_token=tok_visa&amount=5&currency=EUR");
        assertThat(retry.body()).contains("\"replayed\":true", gateway.captures().getFirst().id());
        assertThat(gateway.captures()).hasSize(1);
    }

    @Test
    void refunds_move_no_more_than_was_captured() throws Exception {
        String capture = gatewayId(post("/v1/captures", "c", "card_token=tok_visa&amount=10&currency=EUR").body());

        assertThat(post("/v1/refunds", "r1", "capture=" + capture + "&amount=6&currency=EUR").body()).contains("approved");
        assertThat(post("/v1/refunds", "r1", "capture=" + capture + "&amount=6&currency=EUR").body()).contains("\"replayed\":true");
        assertThat(post("/v1/refunds", "r2", "capture=" + capture + "&amount=6&currency=EUR").body()).contains("declined");
        assertThat(post("/v1/refunds", "r3", "capture=ch_none&amount=1&currency=EUR").body()).contains("no such capture");
        assertThat(gateway.refunds()).hasSize(1);
    }

    @Test
    void an_authorisation_is_captured_once_in_part_and_its_capture_is_refundable() throws Exception {
        String hold = gatewayId(post("/v1/authorisations", "a1", "card_token=tok_visa&amount=100.00&currency=EUR").body());
        assertThat(post("/v1/authorisations", "a1", "card_token=tok_visa&amount=100.00&currency=EUR").body())
                .contains("\"replayed\":true");
        assertThat(post("/v1/authorisations/" + hold + "/capture", "c0", "amount=100.01&currency=EUR").body())
                .contains("more than the authorisation holds");
        HttpResponse<String> captured = post("/v1/authorisations/" + hold + "/capture", "c1", "amount=40.00&currency=EUR");
        assertThat(captured.body()).contains("approved");
        assertThat(post("/v1/authorisations/" + hold + "/capture", "c1", "amount=40.00&currency=EUR").body())
                .contains("\"replayed\":true");
        assertThat(post("/v1/authorisations/" + hold + "/capture", "c2", "amount=10.00&currency=EUR").body())
                .contains("captured already");
        assertThat(post("/v1/authorisations/" + hold + "/void", "v1", "").body()).contains("captured already");
        String capture = gatewayId(captured.body());
        assertThat(post("/v1/refunds", "r1", "capture=" + capture + "&amount=40.01&currency=EUR").body()).contains("declined");
        assertThat(post("/v1/refunds", "r2", "capture=" + capture + "&amount=15&currency=EUR").body()).contains("approved");

        assertThat(gateway.captures()).singleElement().satisfies(entry -> assertThat(entry.amount()).isEqualByComparingTo("40.00"));
        assertThat(gateway.authorisations()).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo("captured");
            assertThat(entry.captured()).isEqualByComparingTo("40.00");
            assertThat(entry.released()).isEqualByComparingTo("60.00");
        });
        assertThat(get("/v1/authorisations").body()).contains("\"released\":\"60.00\"", "\"capture\":\"" + capture + "\"");
    }

    @Test
    void a_voided_authorisation_moves_nothing_and_a_declined_card_holds_nothing() throws Exception {
        String hold = gatewayId(post("/v1/authorisations", "a1", "card_token=tok_mastercard&amount=80&currency=EUR").body());
        assertThat(post("/v1/authorisations/" + hold + "/void", "v1", "").body()).contains("approved");
        assertThat(post("/v1/authorisations/" + hold + "/void", "v1", "").body()).contains("\"replayed\":true");
        assertThat(post("/v1/authorisations/" + hold + "/capture", "c1", "amount=1&currency=EUR").body()).contains("voided already");
        assertThat(post("/v1/authorisations", "a2", "card_token=tok_declined&amount=80&currency=EUR").body()).contains("declined");
        assertThat(post("/v1/authorisations/au_none/void", "v2", "").body()).contains("no such authorisation");
        assertThat(post("/v1/authorisations", "a3", "card_token=tok_visa&amount=0&currency=EUR").statusCode()).isEqualTo(400);

        assertThat(gateway.captures()).isEmpty();
        assertThat(gateway.authorisations()).extracting(GatewaySimulator.Hold::status).containsExactly("voided");
    }

    private static String gatewayId(String json) {
        int start = json.indexOf("\"id\":\"") + 6;
        return json.substring(start, json.indexOf('"', start));
    }

    private HttpRequest.Builder request(String path, String key, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request;
    }

    private HttpResponse<String> post(String path, String key, String form) throws IOException, InterruptedException {
        return http.send(request(path, key, form).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .PUT(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

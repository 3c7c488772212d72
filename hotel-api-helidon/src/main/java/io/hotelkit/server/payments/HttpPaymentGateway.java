package io.hotelkit.server.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotelkit.billing.PaymentGateway;
import io.hotelkit.billing.PaymentGatewayException;
import io.hotelkit.shared.Money;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The {@link PaymentGateway} port over HTTP, to a gateway shaped like {@code hotel-gateway-simulator} (and
 * like common card gateways): form-encoded {@code POST /v1/captures}, {@code POST /v1/refunds},
 * {@code POST /v1/authorisations}, {@code POST /v1/authorisations/{id}/capture} and {@code .../void}, with the
 * call's idempotency key in the {@code Idempotency-Key} header, answered with JSON {@code {id, status,
 * decline_reason}}. A 200 is an answer (approved or declined); anything else, a connection that fails or an
 * answer later than the timeout is a {@link PaymentGatewayException}: whether money moved is then unknown,
 * and a retry with the same key finds out. This adapter does not retry; wrap it in a
 * {@link ResilientPaymentGateway}.
 */
public final class HttpPaymentGateway implements PaymentGateway {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param base the gateway's address, {@code http://127.0.0.1:8090}
     * @param timeout how long one call may take, connecting included
     */
    public HttpPaymentGateway(URI base, Duration timeout) {
        this.base = Objects.requireNonNull(base, "gateway address");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    @Override
    public Result capture(String idempotencyKey, String cardToken, Money amount) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("card_token", cardToken);
        form.put("amount", amount.amount().toPlainString());
        form.put("currency", amount.currency().getCurrencyCode());
        return call("/v1/captures", idempotencyKey, form);
    }

    @Override
    public Result refund(String idempotencyKey, String captureReference, Money amount) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("capture", captureReference);
        form.put("amount", amount.amount().toPlainString());
        form.put("currency", amount.currency().getCurrencyCode());
        return call("/v1/refunds", idempotencyKey, form);
    }

    @Override
    public Result authorise(String idempotencyKey, String cardToken, Money amount) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("card_token", cardToken);
        form.put("amount", amount.amount().toPlainString());
        form.put("currency", amount.currency().getCurrencyCode());
        return call("/v1/authorisations", idempotencyKey, form);
    }

    @Override
    public Result captureAuthorisation(String idempotencyKey, String authorisationReference, Money amount) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("amount", amount.amount().toPlainString());
        form.put("currency", amount.currency().getCurrencyCode());
        return call("/v1/authorisations/" + URLEncoder.encode(authorisationReference, StandardCharsets.UTF_8) + "/capture",
                idempotencyKey, form);
    }

    @Override
    public Result voidAuthorisation(String idempotencyKey, String authorisationReference) {
        return call("/v1/authorisations/" + URLEncoder.encode(authorisationReference, StandardCharsets.UTF_8) + "/void",
                idempotencyKey, Map.of());
    }

    private Result call(String path, String idempotencyKey, Map<String, String> form) {
        Objects.requireNonNull(idempotencyKey, "idempotency key");
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new PaymentGatewayException("the payment gateway did not answer within " + timeout.toMillis() + " ms", false, e);
        } catch (IOException e) {
            throw new PaymentGatewayException("the payment gateway could not be reached", false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentGatewayException("interrupted while waiting for the payment gateway", false, e);
        }
        if (response.statusCode() != 200) {
            throw new PaymentGatewayException("the payment gateway answered " + response.statusCode()
                    + (response.statusCode() >= 500 ? "" : ": " + errorOf(response.body())));
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new PaymentGatewayException("the payment gateway answered with no JSON", false, e);
        }
        String reference = answer.path("id").asText("");
        String status = answer.path("status").asText("");
        if (reference.isEmpty() || !(status.equals("approved") || status.equals("declined"))) {
            throw new PaymentGatewayException("the payment gateway's answer has no id or status");
        }
        return status.equals("approved") ? Result.approved(reference)
                : Result.declined(reference, answer.path("decline_reason").asText("declined"));
    }

    private static String errorOf(String body) {
        try {
            JsonNode error = JSON.readTree(body);
            return error.path("error").asText("") + " " + error.path("message").asText("");
        } catch (IOException e) {
            return "(no JSON)";
        }
    }

    @Override
    public String toString() {
        return "HttpPaymentGateway[" + base + "]";
    }
}

package io.hotelkit.server;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Sends webhook deliveries: the JDK's HTTP client on virtual threads of its own (never a request's), no
 * redirects followed, a time limit on connecting and one on the whole exchange up to the answer's first
 * {@value #KEPT_BYTES} bytes (all that is read of it), and a bulkhead per destination (scheme, host and port)
 * that refuses at once when that many deliveries to it are in flight. So a slow or hanging receiver holds
 * at most its own bulkhead's deliveries, and nothing of a booking's.
 */
final class WebhookClient implements AutoCloseable {

    /** How much of an answer is read and kept in the log. */
    static final int KEPT_BYTES = 256;

    /** What came of one delivery: the status, or why there was none; the answer's first bytes. */
    record Outcome(@Nullable Integer status, @Nullable String responseStart, @Nullable String error, long latencyMs) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final HttpClient client;
    private final Duration timeout;
    private final BulkheadConfig bulkheads;
    private final Map<String, Bulkhead> byDestination = new ConcurrentHashMap<>();

    WebhookClient(WebhookSettings settings) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        this.timeout = settings.requestTimeout();
        this.bulkheads = BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrentPerDestination())
                .maxWaitDuration(Duration.ZERO)
                .build();
    }

    Outcome post(URI url, byte[] body, Map<String, String> headers) {
        Bulkhead bulkhead = byDestination.computeIfAbsent(destination(url), name -> Bulkhead.of(name, bulkheads));
        if (!bulkhead.tryAcquirePermission()) {
            return new Outcome(null, null, "too many deliveries in flight to " + destination(url), 0);
        }
        long started = System.nanoTime();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "hotelkit-webhooks/1")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request.build(), info -> new Prefix());
            try {
                HttpResponse<byte[]> response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return new Outcome(response.statusCode(), text(response.body()), null, millisSince(started));
            } catch (TimeoutException e) {
                exchange.cancel(true);
                return new Outcome(null, null, "no answer within " + timeout.toMillis() + " ms", millisSince(started));
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                String error = cause instanceof java.net.http.HttpTimeoutException
                        ? "no answer within " + timeout.toMillis() + " ms"
                        : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
                return new Outcome(null, null, abbreviated(error), millisSince(started));
            } catch (InterruptedException e) {
                exchange.cancel(true);
                Thread.currentThread().interrupt();
                return new Outcome(null, null, "interrupted", millisSince(started));
            }
        } finally {
            bulkhead.onComplete();
        }
    }

    private static String destination(URI url) {
        int port = url.getPort() >= 0 ? url.getPort() : url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private static @Nullable String text(byte[] bytes) {
        return bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", " ");
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 197) + "...";
    }

    @Override
    public void close() {
        client.close();
    }

    /** Reads an answer's first {@value #KEPT_BYTES} bytes and then stops reading it. */
    private static final class Prefix implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteBuffer kept = ByteBuffer.allocate(KEPT_BYTES);
        private Flow.@Nullable Subscription subscription;

        @Override
        public CompletableFuture<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                while (item.hasRemaining() && kept.hasRemaining()) {
                    kept.put(item.get());
                }
            }
            if (!kept.hasRemaining()) {
                complete();
                if (subscription != null) {
                    subscription.cancel();
                }
            } else if (subscription != null) {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable failure) {
            if (!result.isDone()) {
                result.completeExceptionally(failure);
            }
        }

        @Override
        public void onComplete() {
            complete();
        }

        private void complete() {
            byte[] bytes = new byte[kept.position()];
            kept.duplicate().flip().get(bytes);
            result.complete(bytes);
        }
    }
}

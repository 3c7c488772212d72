package io.hotelkit.server.payments;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.hotelkit.billing.PaymentGateway;
import io.hotelkit.billing.PaymentGatewayException;
import io.hotelkit.shared.Money;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * A payment gateway guarded against a misbehaving provider: each attempt has a time limit; failed and
 * timed-out attempts are retried with the same idempotency key, so a retry never charges twice; a circuit
 * breaker stops calling a gateway that keeps failing and fails fast until it recovers; a bulkhead caps
 * the calls in flight, so a slow gateway cannot take every thread and connection.
 *
 * <p>Order: bulkhead, then retry, then circuit breaker, then time limit, around each call.
 *
 * <p>Time is given, not taken: the breaker reads its open time off the {@link Clock} it is given, and the
 * waits between retries go through the given {@link Pause}, so that a test drives both without sleeping
 * (resilience4j's own retry would sleep on the wall clock). Only the time limit on an attempt is real time.
 * Every change of the breaker's state is logged and handed to the listeners of {@link #onTransition}.
 */
public final class ResilientPaymentGateway implements PaymentGateway {

    private static final System.Logger LOG = System.getLogger(ResilientPaymentGateway.class.getName());

    private final PaymentGateway gateway;
    private final Bulkhead bulkhead;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final TimeLimiter timeLimiter;
    private final Pause pause;
    private final Duration retryWait;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    /** Waits between retries; {@link #SLEEP} in production, something that moves a test's clock in tests. */
    @FunctionalInterface
    public interface Pause {
        Pause SLEEP = Thread::sleep;

        void pause(Duration duration) throws InterruptedException;
    }

    /** On the wall clock, sleeping between retries. */
    public ResilientPaymentGateway(PaymentGateway gateway, Settings settings) {
        this(gateway, settings, Clock.systemUTC(), Pause.SLEEP);
    }

    /**
     * @param clock what the circuit breaker reads the time off: how long it has been open
     * @param pause how the waits between retries are waited
     */
    public ResilientPaymentGateway(PaymentGateway gateway, Settings settings, Clock clock, Pause pause) {
        this.gateway = Objects.requireNonNull(gateway, "payment gateway");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        this.pause = Objects.requireNonNull(pause, "pause");
        this.retryWait = settings.retryWait();
        this.timeLimiter = TimeLimiter.of(TimeLimiterConfig.custom()
                .timeoutDuration(settings.timeout())
                .cancelRunningFuture(true)
                .build());
        this.circuitBreaker = CircuitBreaker.of("payment-gateway", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.breakerWindow())
                .minimumNumberOfCalls(settings.breakerMinimumCalls())
                .failureRateThreshold(settings.breakerFailureRatePercent())
                .waitDurationInOpenState(settings.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(settings.breakerHalfOpenCalls())
                .recordExceptions(PaymentGatewayException.class, TimeoutException.class)
                .clock(clock)
                .build());
        circuitBreaker.getEventPublisher().onStateTransition(event -> LOG.log(Level.WARNING,
                "payment gateway circuit breaker: " + event.getStateTransition().getFromState() + " -> "
                        + event.getStateTransition().getToState()));
        this.retry = Retry.of("payment-gateway", RetryConfig.custom()
                .maxAttempts(settings.attempts())
                .waitDuration(Duration.ZERO) // waited through pause, not on resilience4j's wall clock
                .retryExceptions(PaymentGatewayException.class, TimeoutException.class)
                .ignoreExceptions(CallNotPermittedException.class)
                .build());
        this.bulkhead = Bulkhead.of("payment-gateway", BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrentCalls())
                .maxWaitDuration(settings.bulkheadWait())
                .build());
    }

    @Override
    public Result capture(String idempotencyKey, String cardToken, Money amount) {
        return guarded(() -> gateway.capture(idempotencyKey, cardToken, amount));
    }

    @Override
    public Result refund(String idempotencyKey, String captureReference, Money amount) {
        return guarded(() -> gateway.refund(idempotencyKey, captureReference, amount));
    }

    @Override
    public Result authorise(String idempotencyKey, String cardToken, Money amount) {
        return guarded(() -> gateway.authorise(idempotencyKey, cardToken, amount));
    }

    @Override
    public Result captureAuthorisation(String idempotencyKey, String authorisationReference, Money amount) {
        return guarded(() -> gateway.captureAuthorisation(idempotencyKey, authorisationReference, amount));
    }

    @Override
    public Result voidAuthorisation(String idempotencyKey, String authorisationReference) {
        return guarded(() -> gateway.voidAuthorisation(idempotencyKey, authorisationReference));
    }

    public CircuitBreaker.State circuitState() {
        return circuitBreaker.getState();
    }

    /** Calls {@code listener} with the old and the new state on every change of the breaker's state. */
    public void onTransition(BiConsumer<CircuitBreaker.State, CircuitBreaker.State> listener) {
        Objects.requireNonNull(listener, "listener");
        circuitBreaker.getEventPublisher().onStateTransition(event -> listener.accept(
                event.getStateTransition().getFromState(), event.getStateTransition().getToState()));
    }

    private Result guarded(Supplier<Result> call) {
        Supplier<Result> limited = () -> {
            try {
                return timeLimiter.executeFutureSupplier(() -> CompletableFuture.supplyAsync(call, calls));
            } catch (TimeoutException e) {
                throw new PaymentGatewayException("the payment gateway did not answer within the time limit", false, e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof PaymentGatewayException failed ? failed
                        : new PaymentGatewayException("the payment gateway failed", false, e.getCause());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new PaymentGatewayException("the payment gateway failed", false, e);
            }
        };
        Supplier<Result> broken = CircuitBreaker.decorateSupplier(circuitBreaker, limited);
        AtomicInteger attempts = new AtomicInteger();
        Supplier<Result> paced = () -> { // the wait before a retry, outside the breaker's measure of the call
            if (attempts.getAndIncrement() > 0 && !retryWait.isZero()) {
                try {
                    pause.pause(retryWait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PaymentGatewayException("interrupted while waiting to retry the payment gateway", false, e);
                }
            }
            return broken.get();
        };
        Supplier<Result> guarded = Bulkhead.decorateSupplier(bulkhead, Retry.decorateSupplier(retry, paced));
        try {
            return guarded.get();
        } catch (CallNotPermittedException e) {
            throw new PaymentGatewayException("the payment gateway is failing; calls are paused", true, e);
        } catch (BulkheadFullException e) {
            throw new PaymentGatewayException("too many payments are waiting for the gateway", true, e);
        }
    }

    /**
     * Explicit settings: resilience4j's defaults would need 100 calls before the breaker trips.
     *
     * @param timeout how long one attempt may take
     * @param attempts attempts in all, the first included
     * @param breakerFailureRatePercent the failure rate, over the last {@code breakerWindow} calls, that opens the circuit
     * @param breakerOpenFor how long an open circuit fails fast before letting trial calls through
     */
    public record Settings(
            Duration timeout,
            int attempts,
            Duration retryWait,
            int breakerWindow,
            int breakerMinimumCalls,
            float breakerFailureRatePercent,
            Duration breakerOpenFor,
            int breakerHalfOpenCalls,
            int maxConcurrentCalls,
            Duration bulkheadWait) {

        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(2), 3, Duration.ofMillis(100), 20, 10, 50,
                Duration.ofSeconds(30), 3, 32, Duration.ofSeconds(1));

        public Settings {
            requirePositive(timeout, "timeout");
            if (attempts < 1 || attempts > 10) {
                throw new IllegalArgumentException("attempts must be between 1 and 10, not " + attempts);
            }
            Objects.requireNonNull(retryWait, "retry wait");
            if (breakerWindow < 1 || breakerMinimumCalls < 1 || breakerHalfOpenCalls < 1) {
                throw new IllegalArgumentException("breaker window, minimum calls and half-open calls must be at least 1");
            }
            if (!(breakerFailureRatePercent > 0 && breakerFailureRatePercent <= 100)) {
                throw new IllegalArgumentException("breaker failure rate must be above 0 and at most 100, not " + breakerFailureRatePercent);
            }
            requirePositive(breakerOpenFor, "breaker open for");
            if (maxConcurrentCalls < 1) {
                throw new IllegalArgumentException("max concurrent calls must be at least 1, not " + maxConcurrentCalls);
            }
            Objects.requireNonNull(bulkheadWait, "bulkhead wait");
        }

        private static void requirePositive(Duration duration, String what) {
            if (Objects.requireNonNull(duration, what).isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(what + " must be more than zero, not " + duration);
            }
        }
    }
}

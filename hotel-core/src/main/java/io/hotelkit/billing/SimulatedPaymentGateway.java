package io.hotelkit.billing;

import io.hotelkit.shared.Money;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A payment gateway for tests, demos and benchmarks: it captures (and authorises) the test tokens {@code tok_visa}
 * and {@code tok_mastercard} (and any other {@code tok_} token), and declines {@code tok_declined}. Configurable
 * latency, failure and timeout rates make it misbehave like a real one, deterministically for a seed. It
 * keeps every key it answered, so a repeated key returns the first answer and captures nothing twice,
 * and it keeps a {@linkplain #ledger() ledger} of the money it moved, for tests to check against the payments.
 *
 * <p>Like a real gateway it refuses (declines) what would move money wrongly: a capture of more than an
 * authorisation holds, a second capture of one, a void of a captured one, a refund of more than a capture left.
 */
public final class SimulatedPaymentGateway implements PaymentGateway {

    private final Duration latency;
    private final double failureRate;
    private final double timeoutRate;
    private final Duration timeout;
    private final SplittableRandom random;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicLong captures = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();
    private final java.util.List<Entry> ledger = new java.util.ArrayList<>();
    private final Map<String, Entry> byReference = new java.util.HashMap<>();

    /**
     * A line of the ledger: an approved authorisation, capture, void or refund.
     *
     * @param subject the card token of a capture or authorisation, the authorisation a capture or void ends,
     *     the capture a refund gives back
     */
    public record Entry(Kind kind, String reference, String subject, Money amount) {
        public enum Kind {
            AUTHORISATION,
            CAPTURE,
            VOID,
            REFUND
        }
    }

    private SimulatedPaymentGateway(Builder builder) {
        this.latency = builder.latency;
        this.failureRate = builder.failureRate;
        this.timeoutRate = builder.timeoutRate;
        this.timeout = builder.timeout;
        this.random = new SplittableRandom(builder.seed);
    }

    /** A gateway that answers at once and never fails. */
    public static SimulatedPaymentGateway reliable() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Result capture(String idempotencyKey, String cardToken, Money amount) {
        return call(idempotencyKey, "capture " + cardToken + " " + amount, () -> {
            if (!cardToken.startsWith("tok_")) {
                return Result.declined(reference("dcl"), "unknown card token");
            }
            if (cardToken.equals("tok_declined")) {
                return Result.declined(reference("dcl"), "card declined");
            }
            captures.incrementAndGet();
            return record(Entry.Kind.CAPTURE, reference("ch"), cardToken, amount);
        });
    }

    @Override
    public Result refund(String idempotencyKey, String captureReference, Money amount) {
        return call(idempotencyKey, "refund " + captureReference + " " + amount, () -> {
            synchronized (ledger) {
                Entry capture = byReference.get(captureReference);
                if (capture == null || capture.kind() != Entry.Kind.CAPTURE) {
                    return Result.declined(reference("dcl"), "no such capture");
                }
                if (!capture.amount().currency().equals(amount.currency())) {
                    return Result.declined(reference("dcl"), "the capture is in " + capture.amount().currency());
                }
                Money refunded = sum(Entry.Kind.REFUND, captureReference, amount);
                if (refunded.compareTo(capture.amount()) > 0) {
                    return Result.declined(reference("dcl"), "more than the capture left");
                }
                return record(Entry.Kind.REFUND, reference("re"), captureReference, amount);
            }
        });
    }

    @Override
    public Result authorise(String idempotencyKey, String cardToken, Money amount) {
        return call(idempotencyKey, "authorise " + cardToken + " " + amount, () -> {
            if (!cardToken.startsWith("tok_")) {
                return Result.declined(reference("dcl"), "unknown card token");
            }
            if (cardToken.equals("tok_declined")) {
                return Result.declined(reference("dcl"), "card declined");
            }
            return record(Entry.Kind.AUTHORISATION, reference("au"), cardToken, amount);
        });
    }

    @Override
    public Result captureAuthorisation(String idempotencyKey, String authorisationReference, Money amount) {
        return call(idempotencyKey, "capture " + authorisationReference + " " + amount, () -> {
            synchronized (ledger) {
                String refusal = open(authorisationReference, amount);
                if (refusal == null && amount.compareTo(byReference.get(authorisationReference).amount()) > 0) {
                    refusal = "more than the authorisation holds";
                }
                if (refusal != null) {
                    return Result.declined(reference("dcl"), refusal);
                }
                captures.incrementAndGet();
                return record(Entry.Kind.CAPTURE, reference("ch"), authorisationReference, amount);
            }
        });
    }

    @Override
    public Result voidAuthorisation(String idempotencyKey, String authorisationReference) {
        return call(idempotencyKey, "void " + authorisationReference, () -> {
            synchronized (ledger) {
                Entry authorisation = byReference.get(authorisationReference);
                String refusal = authorisation == null ? "no such authorisation" : open(authorisationReference, authorisation.amount());
                if (refusal != null) {
                    return Result.declined(reference("dcl"), refusal);
                }
                return record(Entry.Kind.VOID, reference("vo"), authorisationReference, authorisation.amount());
            }
        });
    }

    /** Every approved authorisation, capture, void and refund, in order. */
    public java.util.List<Entry> ledger() {
        synchronized (ledger) {
            return java.util.List.copyOf(ledger);
        }
    }

    /** Why an authorisation cannot be captured or voided now, or {@code null} if it can. Holds the ledger's lock. */
    private @org.jspecify.annotations.Nullable String open(String authorisationReference, Money amount) {
        Entry authorisation = byReference.get(authorisationReference);
        if (authorisation == null || authorisation.kind() != Entry.Kind.AUTHORISATION) {
            return "no such authorisation";
        }
        if (!authorisation.amount().currency().equals(amount.currency())) {
            return "the authorisation is in " + authorisation.amount().currency();
        }
        boolean ended = ledger.stream().anyMatch(entry -> entry.subject().equals(authorisationReference)
                && (entry.kind() == Entry.Kind.CAPTURE || entry.kind() == Entry.Kind.VOID));
        return ended ? "the authorisation was captured or voided already" : null;
    }

    private Money sum(Entry.Kind kind, String subject, Money plus) {
        Money total = plus;
        for (Entry entry : ledger) {
            if (entry.kind() == kind && entry.subject().equals(subject)) {
                total = total.plus(entry.amount());
            }
        }
        return total;
    }

    private Result record(Entry.Kind kind, String reference, String subject, Money amount) {
        synchronized (ledger) {
            Entry entry = new Entry(kind, reference, subject, amount);
            ledger.add(entry);
            byReference.put(reference, entry);
        }
        return Result.approved(reference);
    }

    /** How many captures were approved, each key counted once. */
    public long approvedCaptures() {
        return captures.get();
    }

    /** How many calls reached the gateway, retries included. */
    public long calls() {
        return calls.get();
    }

    private Result call(String key, String request, java.util.function.Supplier<Result> answer) {
        Objects.requireNonNull(key, "idempotency key");
        calls.incrementAndGet();
        double roll;
        synchronized (random) {
            roll = random.nextDouble();
        }
        sleep(latency);
        if (roll < failureRate) {
            throw new PaymentGatewayException("simulated gateway failure");
        }
        Answer first = answers.computeIfAbsent(key, k -> new Answer(request, answer.get()));
        if (!first.request().equals(request)) {
            throw new PaymentGatewayException("idempotency key " + key + " was used for another request");
        }
        if (roll < failureRate + timeoutRate) {
            sleep(timeout); // the work is done, but the answer comes too late: a retry must not do it again
        }
        return first.result();
    }

    private static String reference(String prefix) {
        return prefix + "_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentGatewayException("interrupted while waiting for the simulated gateway");
        }
    }

    private record Answer(String request, Result result) {}

    /** Settings of a simulated gateway; all optional. */
    public static final class Builder {
        private Duration latency = Duration.ZERO;
        private double failureRate;
        private double timeoutRate;
        private Duration timeout = Duration.ofSeconds(5);
        private long seed = 42;

        private Builder() {}

        public Builder latency(Duration latency) {
            this.latency = requireNotNegative(latency, "latency");
            return this;
        }

        /** The share of calls that fail before doing anything. */
        public Builder failureRate(double rate) {
            this.failureRate = requireRate(rate, "failure rate");
            return this;
        }

        /** The share of calls that do their work but answer only after {@code timeout}. */
        public Builder timeoutRate(double rate, Duration timeout) {
            this.timeoutRate = requireRate(rate, "timeout rate");
            this.timeout = requireNotNegative(timeout, "timeout");
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public SimulatedPaymentGateway build() {
            if (failureRate + timeoutRate > 1) {
                throw new IllegalArgumentException("failure rate and timeout rate add up to more than 1");
            }
            return new SimulatedPaymentGateway(this);
        }

        private static double requireRate(double rate, String what) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException(what + " must be between 0 and 1, not " + rate);
            }
            return rate;
        }

        private static Duration requireNotNegative(Duration duration, String what) {
            if (Objects.requireNonNull(duration, what).isNegative()) {
                throw new IllegalArgumentException(what + " must not be negative, not " + duration);
            }
            return duration;
        }
    }
}

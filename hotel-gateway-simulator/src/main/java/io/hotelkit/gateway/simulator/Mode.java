package io.hotelkit.gateway.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the simulated gateway misbehaves; it can be changed while it runs.
 *
 * @param failureRate the share of calls answered 503 before anything is done (nothing captured)
 * @param delay how long every call waits before it is handled
 * @param timeoutRate the share of calls that do their work (the capture is recorded) but answer only after
 *     {@code timeout}: longer than the caller waits, so the caller sees a timeout for a capture that happened
 * @param timeout how late a timed-out call answers
 */
public record Mode(double failureRate, Duration delay, double timeoutRate, Duration timeout) {

    /** Answers at once, never fails. */
    public static final Mode RELIABLE = new Mode(0, Duration.ZERO, 0, Duration.ofSeconds(5));

    public Mode {
        requireRate(failureRate, "failure_rate");
        requireRate(timeoutRate, "timeout_rate");
        if (failureRate + timeoutRate > 1) {
            throw new IllegalArgumentException("failure_rate and timeout_rate add up to more than 1");
        }
        requireNotNegative(delay, "delay_ms");
        requireNotNegative(timeout, "timeout_ms");
    }

    /**
     * This mode with the settings named in {@code changes} replaced: {@code failure_rate}, {@code delay_ms},
     * {@code timeout_rate}, {@code timeout_ms}.
     *
     * @throws IllegalArgumentException naming the setting that is unknown or malformed
     */
    public Mode with(Map<String, String> changes) {
        double failure = failureRate;
        Duration wait = delay;
        double timeouts = timeoutRate;
        Duration late = timeout;
        for (Map.Entry<String, String> change : changes.entrySet()) {
            String value = change.getValue().strip();
            switch (change.getKey()) {
                case "failure_rate" -> failure = number(change.getKey(), value);
                case "timeout_rate" -> timeouts = number(change.getKey(), value);
                case "delay_ms" -> wait = Duration.ofMillis((long) number(change.getKey(), value));
                case "timeout_ms" -> late = Duration.ofMillis((long) number(change.getKey(), value));
                default -> throw new IllegalArgumentException("unknown setting " + change.getKey()
                        + " (failure_rate, delay_ms, timeout_rate, timeout_ms)");
            }
        }
        return new Mode(failure, wait, timeouts, late);
    }

    String json() {
        return "{\"failure_rate\":" + failureRate + ",\"delay_ms\":" + delay.toMillis() + ",\"timeout_rate\":" + timeoutRate
                + ",\"timeout_ms\":" + timeout.toMillis() + "}";
    }

    private static double number(String key, String value) {
        try {
            double number = Double.parseDouble(value);
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(key + " is '" + value + "', not a number");
    }

    private static void requireRate(double rate, String what) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(what + " must be between 0 and 1, not " + rate);
        }
    }

    private static void requireNotNegative(Duration duration, String what) {
        if (Objects.requireNonNull(duration, what).isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, not " + duration.toMillis());
        }
    }
}

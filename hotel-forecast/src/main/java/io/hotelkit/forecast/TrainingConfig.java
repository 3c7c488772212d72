package io.hotelkit.forecast;

/**
 * How a cancellation model is trained. Immutable; {@link #defaults()} are those the benchmark measured.
 *
 * @param rounds boosting rounds (trees)
 * @param maxDepth the deepest a tree grows
 * @param learningRate XGBoost's eta
 * @param seed the random seed: the same bookings and seed give the same model
 * @param minBookings fewer bookings than this and no model is trained
 */
public record TrainingConfig(int rounds, int maxDepth, double learningRate, long seed, int minBookings) {

    public TrainingConfig {
        if (rounds < 1 || rounds > 5000) {
            throw new IllegalArgumentException("rounds must be between 1 and 5000, not " + rounds);
        }
        if (maxDepth < 1 || maxDepth > 16) {
            throw new IllegalArgumentException("max depth must be between 1 and 16, not " + maxDepth);
        }
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("learning rate must be above 0 and at most 1, not " + learningRate);
        }
        if (minBookings < 2) {
            throw new IllegalArgumentException("min bookings must be at least 2, not " + minBookings);
        }
    }

    public static TrainingConfig defaults() {
        return new TrainingConfig(600, 5, 0.03, 17, 200);
    }

    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(rounds, maxDepth, learningRate, newSeed, minBookings);
    }

    public TrainingConfig withMinBookings(int newMin) {
        return new TrainingConfig(rounds, maxDepth, learningRate, seed, newMin);
    }

    public TrainingConfig withRounds(int newRounds) {
        return new TrainingConfig(newRounds, maxDepth, learningRate, seed, minBookings);
    }
}

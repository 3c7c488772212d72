package io.hotelkit.forecast;

import io.hotelkit.shared.Money;
import java.util.Objects;

/**
 * How many bookings past its rooms a room type should take on a night: a newsvendor rule with a cap on
 * the chance of walking a guest.
 *
 * <p>Of the bookings that fill a type's {@code rooms}, {@code X} will cancel or not show; X is taken as
 * binomial, of {@code rooms} trials with the night's mean predicted probability {@code q}. Taking {@code k}
 * bookings more walks {@code max(0, k - X)} guests, at {@code walkCost} each, and leaves
 * {@code max(0, X - k)} rooms empty, at {@code emptyRoomValue} each. The expected cost is least at the
 * smallest k with {@code P(X <= k) >= emptyRoomValue / (emptyRoomValue + walkCost)} (the critical
 * ratio). The hotel's risk then caps it: k stays at most the largest k with
 * {@code P(X < k) <= maxWalkRisk}, the chance that a night walks anyone.
 *
 * @param maxWalkRisk the highest chance, from 0 to 1, of having to walk a guest on a night
 */
public record OverbookingRule(Money walkCost, Money emptyRoomValue, double maxWalkRisk) {

    public OverbookingRule {
        Objects.requireNonNull(walkCost, "walk cost");
        Objects.requireNonNull(emptyRoomValue, "empty room value");
        walkCost.requirePositive("walk cost");
        emptyRoomValue.requirePositive("empty room value");
        if (!walkCost.currency().equals(emptyRoomValue.currency())) {
            throw new IllegalArgumentException("walk cost and empty room value must be in one currency, not "
                    + walkCost.currency() + " and " + emptyRoomValue.currency());
        }
        if (!(maxWalkRisk >= 0 && maxWalkRisk <= 1)) {
            throw new IllegalArgumentException("max walk risk must be between 0 and 1, not " + maxWalkRisk);
        }
    }

    /** The critical ratio: the share of nights on which the last extra booking should pay off. */
    public double criticalRatio() {
        double under = emptyRoomValue.amount().doubleValue();
        double over = walkCost.amount().doubleValue();
        return under / (under + over);
    }

    /**
     * @param rooms the type's rooms to sell that night (out-of-order left out)
     * @param meanProbability the mean chance that one of the night's bookings cancels or does not show
     */
    public int allowance(int rooms, double meanProbability) {
        if (rooms < 0) {
            throw new IllegalArgumentException("rooms must not be negative, not " + rooms);
        }
        if (!(meanProbability >= 0 && meanProbability <= 1)) {
            throw new IllegalArgumentException("mean probability must be between 0 and 1, not " + meanProbability);
        }
        if (rooms == 0 || meanProbability == 0) {
            return 0;
        }
        double[] pmf = binomial(rooms, meanProbability);
        double ratio = criticalRatio();
        double cdf = 0;
        int newsvendor = rooms;
        for (int k = 0; k <= rooms; k++) {
            cdf += pmf[k];
            if (cdf >= ratio - 1e-12) {
                newsvendor = k;
                break;
            }
        }
        // P(X < k) <= risk: the largest such k.
        double below = 0;
        int capped = 0;
        for (int k = 1; k <= rooms; k++) {
            below += pmf[k - 1];
            if (below > maxWalkRisk + 1e-12) {
                break;
            }
            capped = k;
        }
        return Math.min(newsvendor, capped);
    }

    private static double[] binomial(int n, double p) {
        double[] pmf = new double[n + 1];
        if (p >= 1) {
            pmf[n] = 1;
            return pmf;
        }
        double logQ = Math.log1p(-p);
        double logP = Math.log(p);
        double logChoose = 0;
        for (int k = 0; k <= n; k++) {
            if (k > 0) {
                logChoose += Math.log(n - k + 1) - Math.log(k);
            }
            pmf[k] = Math.exp(logChoose + k * logP + (n - k) * logQ);
        }
        return pmf;
    }
}

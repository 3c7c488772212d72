package io.hotelkit.inventory;

import io.hotelkit.internal.Decimals;
import io.hotelkit.shared.Money;
import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a property's city tax is worked out: per person and night (Lisbon: 2.00, under 13 exempt, at most 7
 * nights), per room and night, once per stay, or a percentage of each night's room price.
 *
 * <p>Nights are counted from the stay's first: {@code maxNights} 7 charges nights 1 to 7 of a longer stay;
 * a {@link Basis#PER_STAY} tax is charged with the first night. A child is exempt when its age is known and
 * under {@code exemptUnderAge}; a child whose age is not given pays, as an adult does.
 *
 * @param amount the amount per person-night, room-night or stay; zero for {@link Basis#PERCENT_OF_ROOM}
 * @param percent the percentage of the room price, only for {@link Basis#PERCENT_OF_ROOM}
 * @param exemptUnderAge persons younger than this pay nothing (per person-night only); null: nobody is exempt
 * @param maxNights charged for at most this many nights of a stay; null: every night
 */
public record CityTaxRule(Basis basis, Money amount, @Nullable BigDecimal percent, @Nullable Integer exemptUnderAge,
        @Nullable Integer maxNights) {

    /** What the city tax is counted on. */
    public enum Basis {
        PER_PERSON_NIGHT,
        PER_NIGHT,
        PER_STAY,
        PERCENT_OF_ROOM
    }

    public CityTaxRule {
        Objects.requireNonNull(basis, "city tax basis");
        Objects.requireNonNull(amount, "city tax amount");
        amount.requireNotNegative("city tax amount");
        if (basis == Basis.PERCENT_OF_ROOM) {
            if (percent == null) {
                throw new IllegalArgumentException("a city tax of a percentage of the room price needs its percent");
            }
            if (!amount.isZero()) {
                throw new IllegalArgumentException("a city tax of a percentage of the room price has no amount");
            }
            if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0 || percent.stripTrailingZeros().scale() > 4) {
                throw new IllegalArgumentException("city tax percent must be between 0 and 100 with at most 4 decimals, not "
                        + percent.toPlainString());
            }
            percent = Decimals.normalized(percent);
        } else if (percent != null) {
            throw new IllegalArgumentException("only a city tax of a percentage of the room price has a percent");
        }
        if (exemptUnderAge != null && (exemptUnderAge < 0 || exemptUnderAge > 18)) {
            throw new IllegalArgumentException("city tax exempt under age must be between 0 and 18, not " + exemptUnderAge);
        }
        if (exemptUnderAge != null && basis != Basis.PER_PERSON_NIGHT) {
            throw new IllegalArgumentException("only a city tax per person and night exempts by age");
        }
        if (maxNights != null && maxNights < 1) {
            throw new IllegalArgumentException("city tax max nights must be at least 1, not " + maxNights);
        }
    }

    /** Today's flat tax: an amount per person and night, for everyone, every night. */
    public static CityTaxRule perPersonNight(Money amount) {
        return new CityTaxRule(Basis.PER_PERSON_NIGHT, amount, null, null, null);
    }

    /** Whether this is a flat per-person-night tax with no exemption and no cap, as every property had before rules. */
    boolean isFlat() {
        return basis == Basis.PER_PERSON_NIGHT && exemptUnderAge == null && maxNights == null;
    }
}

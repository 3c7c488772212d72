package io.hotelkit.inventory;

import io.hotelkit.internal.Decimals;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Rounding;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A property's taxes: VAT, either included in prices or added on top of them, at one rate or at a rate per
 * {@link VatCategory}; and a city tax that is never discounted, by a {@link CityTaxRule}.
 *
 * <p>Every amount a guest sees is computed here, per night and per line, in minor units and rounded by
 * the property's {@link Rounding}: an offer's total and the folio of the same stay are sums of the same
 * lines ({@link StayTaxes#nightLines}), so they never differ by a cent.
 *
 * <p>A property made with the three first components only ({@link #TaxPolicy(BigDecimal, boolean, Money)})
 * behaves as before rates and rules: one VAT rate on room charges, none on extras, a flat city tax per
 * person and night.
 *
 * @param vatPercent between 0 and 100, with at most 4 decimals; with {@code rates}, their accommodation rate
 * @param cityTaxPerPersonNight the rule's amount when it is per person and night, else zero
 * @param rates a rate per VAT category, and the category of each charge; null: one rate, {@code vatPercent},
 *     on rooms and packages, and extras without VAT
 * @param cityTax the city tax's rule
 */
public record TaxPolicy(BigDecimal vatPercent, boolean vatIncluded, Money cityTaxPerPersonNight, @Nullable VatRates rates,
        CityTaxRule cityTax) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final long PPM_PER_PERCENT = 10_000;
    private static final long MILLION = 100 * PPM_PER_PERCENT;

    public TaxPolicy {
        Objects.requireNonNull(cityTax, "city tax");
        if (rates != null) {
            vatPercent = rates.accommodation();
        }
        vatPercent = VatRates.percent(vatPercent, "");
        Currency currency = cityTax.amount().currency();
        cityTaxPerPersonNight = cityTax.basis() == CityTaxRule.Basis.PER_PERSON_NIGHT ? cityTax.amount() : Money.zero(currency);
    }

    /** One VAT rate on rooms, and a flat city tax per person and night: a property as it was before rates and rules. */
    public TaxPolicy(BigDecimal vatPercent, boolean vatIncluded, Money cityTaxPerPersonNight) {
        this(vatPercent, vatIncluded, requireTax(cityTaxPerPersonNight), null, CityTaxRule.perPersonNight(cityTaxPerPersonNight));
    }

    private static Money requireTax(Money cityTaxPerPersonNight) {
        Objects.requireNonNull(cityTaxPerPersonNight, "city tax per person and night");
        cityTaxPerPersonNight.requireNotNegative("city tax per person and night");
        return cityTaxPerPersonNight;
    }

    /** No VAT and no city tax. */
    public static TaxPolicy none(Currency currency) {
        return new TaxPolicy(BigDecimal.ZERO, true, Money.zero(currency));
    }

    /** The VAT rate of a charge category: {@code room}, a package's or an extra's category. */
    public BigDecimal vatPercentOf(String chargeCategory) {
        return rates == null ? vatPercent : rates.percentOf(rates.categoryOf(chargeCategory));
    }

    /** The VAT rate of an extra of this category, or null when the property has one rate only (extras then carry no VAT). */
    public @Nullable BigDecimal extraVatPercent(String chargeCategory) {
        return rates == null ? null : vatPercentOf(chargeCategory);
    }

    /** VAT in parts per million of the net price: 7.5 % is 75,000. */
    static long ppm(BigDecimal percent) {
        return percent.movePointRight(4).longValueExact();
    }

    long vatPpm() {
        return ppm(vatPercent);
    }

    /** The VAT added on top of an amount at this rate, in minor units; zero when VAT is included in prices. */
    public long vatOnTopMinor(long amountMinor, BigDecimal percent, Rounding rounding) {
        if (vatIncluded || percent.signum() == 0) {
            return 0;
        }
        return rounding.divide(Math.multiplyExact(amountMinor, ppm(percent)), MILLION);
    }

    /** The VAT added on top of a night's room price, in minor units; zero when VAT is included in prices. */
    public long vatOnTopMinor(long roomMinor, Rounding rounding) {
        return vatOnTopMinor(roomMinor, vatPercent, rounding);
    }

    /** The city tax of the first night for these guests, in minor units, at this room price. */
    public long cityTaxMinor(Occupancy occupancy) {
        return forStay(occupancy, io.hotelkit.shared.Rounding.HALF_UP, List.of()).cityTaxMinor(0, 0);
    }

    /** What the guest pays for the first night of a stay at this room price: the price, VAT on top if any, city tax. */
    public long nightTotalMinor(long roomMinor, Occupancy occupancy, Rounding rounding) {
        return forStay(occupancy, rounding, List.of()).nightTotalMinor(0, roomMinor);
    }

    /**
     * What the guest pays for a stay at these nightly room prices, without packages: the sum of each night's
     * lines.
     */
    public long stayTotalMinor(long[] roomMinor, Occupancy occupancy, Rounding rounding) {
        return forStay(occupancy, rounding, List.of()).stayTotalMinor(roomMinor);
    }

    /** These taxes for these guests, without packages (a search's offers in a plan without any). */
    public StayTaxes forGuests(Occupancy occupancy, Rounding rounding) {
        return forStay(occupancy, rounding, List.of());
    }

    /**
     * These taxes worked out once for these guests and these packages, to total many stays (a search's
     * offers) and to post a stay's nights: the rates, the city tax and each package's line and VAT are read
     * from their decimals once, not once a night or an offer.
     */
    public StayTaxes forStay(Occupancy occupancy, Rounding rounding, List<PackageCharge> packages) {
        return new StayTaxes(this, occupancy, rounding, packages);
    }

    /** The VAT contained in an amount that includes it at the accommodation rate. */
    public Money vatContainedIn(Money gross, Rounding rounding) {
        return rounding.includedVat(gross, vatPercent);
    }

    /** The lines a night posts to a folio, without packages: room, VAT on top (zero when included), city tax. */
    public NightCharges nightCharges(Money room, Occupancy occupancy, Rounding rounding) {
        Currency currency = room.currency();
        cityTax.amount().requireCurrency(currency);
        StayTaxes taxes = forGuests(occupancy, rounding);
        return new NightCharges(room, Money.ofMinor(vatOnTopMinor(room.minorUnits(), rounding), currency),
                Money.ofMinor(taxes.cityTaxMinor(0, room.minorUnits()), currency));
    }

    /** One night's charges. {@code vat} is zero when VAT is included in the room price. */
    public record NightCharges(Money room, Money vat, Money cityTax) {
        public Money total() {
            return room.plus(vat).plus(cityTax);
        }
    }

    /**
     * A package of a rate plan, priced for one stay's guests: its line on a night ({@code amountMinor}, for
     * every night, or for the first night only when {@code oncePerStay}).
     *
     * @param category its charge category, which decides its VAT rate
     */
    public record PackageCharge(String code, String name, String category, long amountMinor, boolean oncePerStay) {
        public PackageCharge {
            Objects.requireNonNull(code, "package code");
            Objects.requireNonNull(name, "package name");
            Objects.requireNonNull(category, "package category");
            if (amountMinor < 0) {
                throw new IllegalArgumentException("a package's amount must not be negative, not " + amountMinor);
            }
        }
    }

    /** What a line of a night is. */
    public enum LineKind {
        ROOM,
        PACKAGE,
        VAT,
        CITY_TAX
    }

    /**
     * A line a night posts.
     *
     * @param code {@code room}, the package's code, or for a VAT line the code of the line it taxes, or {@code city_tax}
     * @param category the charge category, VAT lines that of the line they tax; {@code city_tax} for the city tax
     * @param vatPercent the VAT rate of the charge (or of the VAT line); null for the city tax, which carries none
     */
    public record NightLine(LineKind kind, String code, String name, String category, @Nullable BigDecimal vatPercent,
            long amountMinor) {}

    /**
     * A stay's charges summed by what they are, as an offer shows them and as its folio will hold them.
     *
     * @param charges room, then each package, then the city tax: amount (as posted, VAT included or not) and VAT added on top
     * @param vat per VAT rate: the net, the VAT and the gross of the charges at that rate, VAT included or on top
     */
    public record Split(List<ChargeTotal> charges, List<VatTotal> vat, Money total) {}

    /** The sum of a stay's lines of one charge (the room, a package, the city tax). */
    public record ChargeTotal(LineKind kind, String code, String category, @Nullable BigDecimal vatPercent, Money amount,
            Money vatOnTop) {}

    /** The charges at one VAT rate: net + vat = gross. */
    public record VatTotal(BigDecimal percent, Money net, Money vat, Money gross) {}

    /** {@link TaxPolicy} for one set of guests and packages, in minor units. Immutable. */
    public static final class StayTaxes {
        private final TaxPolicy policy;
        private final Rounding rounding;
        private final long roomVatOnTopPpm;
        private final BigDecimal roomVatPercent;
        private final CityTaxRule.Basis cityBasis;
        private final long cityPerNightMinor;
        private final long cityPercentPpm;
        private final int cityMaxNights;
        private final int persons;
        private final PackageCharge[] packages;
        private final BigDecimal[] packageVatPercent;
        private final long[] packageVatOnTop;
        private final long packagesNightlyMinor;
        private final long packagesOnceMinor;

        StayTaxes(TaxPolicy policy, Occupancy occupancy, Rounding rounding, List<PackageCharge> packages) {
            this.policy = policy;
            this.rounding = Objects.requireNonNull(rounding, "rounding");
            this.roomVatPercent = policy.vatPercentOf("room");
            this.roomVatOnTopPpm = policy.vatIncluded ? 0 : ppm(roomVatPercent);
            CityTaxRule rule = policy.cityTax;
            this.cityBasis = rule.basis();
            this.persons = occupancy.persons();
            long amount = rule.amount().minorUnits();
            this.cityPerNightMinor = switch (rule.basis()) {
                case PER_PERSON_NIGHT -> Math.multiplyExact(amount,
                        rule.exemptUnderAge() == null ? occupancy.persons() : occupancy.personsAged(rule.exemptUnderAge()));
                case PER_NIGHT, PER_STAY -> amount;
                case PERCENT_OF_ROOM -> 0;
            };
            this.cityPercentPpm = rule.percent() == null ? 0 : ppm(rule.percent());
            this.cityMaxNights = rule.maxNights() == null ? Integer.MAX_VALUE : rule.maxNights();
            this.packages = packages.toArray(PackageCharge[]::new);
            this.packageVatPercent = new BigDecimal[this.packages.length];
            this.packageVatOnTop = new long[this.packages.length];
            long nightly = 0;
            long once = 0;
            for (int p = 0; p < this.packages.length; p++) {
                PackageCharge charge = this.packages[p];
                packageVatPercent[p] = policy.vatPercentOf(charge.category());
                packageVatOnTop[p] = policy.vatOnTopMinor(charge.amountMinor(), packageVatPercent[p], rounding);
                long withVat = charge.amountMinor() + packageVatOnTop[p];
                if (charge.oncePerStay()) {
                    once += withVat;
                } else {
                    nightly += withVat;
                }
            }
            this.packagesNightlyMinor = nightly;
            this.packagesOnceMinor = once;
        }

        /** The city tax of night {@code night} (0 is the first) of a stay at this room price. */
        public long cityTaxMinor(int night, long roomMinor) {
            if (night >= cityMaxNights) {
                return 0;
            }
            return switch (cityBasis) {
                case PER_PERSON_NIGHT, PER_NIGHT -> cityPerNightMinor;
                case PER_STAY -> night == 0 ? cityPerNightMinor : 0;
                case PERCENT_OF_ROOM -> rounding.divide(Math.multiplyExact(roomMinor, cityPercentPpm), MILLION);
            };
        }

        /** What night {@code night} of a stay costs at this room price: the sum of its {@link #nightLines}. */
        public long nightTotalMinor(int night, long roomMinor) {
            long vat = roomVatOnTopPpm == 0 ? 0 : rounding.divide(Math.multiplyExact(roomMinor, roomVatOnTopPpm), MILLION);
            return roomMinor + vat + cityTaxMinor(night, roomMinor) + packagesNightlyMinor + (night == 0 ? packagesOnceMinor : 0);
        }

        /** The sum of {@link #nightTotalMinor} of each night. */
        public long stayTotalMinor(long[] roomMinor) {
            return stayTotalMinor(roomMinor, 0, roomMinor.length);
        }

        /** The sum of {@link #nightTotalMinor} of the nights {@code roomMinor[from]} (the stay's first) to {@code roomMinor[to - 1]}. */
        public long stayTotalMinor(long[] roomMinor, int from, int to) {
            Objects.checkFromToIndex(from, to, roomMinor.length);
            long total = from == to ? 0 : packagesOnceMinor;
            long vat = 0;
            boolean flatCity = cityBasis != CityTaxRule.Basis.PERCENT_OF_ROOM && cityMaxNights == Integer.MAX_VALUE
                    && cityBasis != CityTaxRule.Basis.PER_STAY;
            for (int n = from; n < to; n++) {
                long room = roomMinor[n];
                if (n == from || room != roomMinor[n - 1]) { // nights in a row often cost the same: their VAT is divided out once
                    vat = roomVatOnTopPpm == 0 ? 0 : rounding.divide(Math.multiplyExact(room, roomVatOnTopPpm), MILLION);
                }
                total += room + vat + packagesNightlyMinor + (flatCity ? cityPerNightMinor : cityTaxMinor(n - from, room));
            }
            return total;
        }

        /**
         * The lines night {@code night} (0 is the first) of a stay at this room price posts, in order: the
         * room, its VAT on top, each package and its VAT on top, the city tax; lines of zero left out (the
         * room's excepted).
         */
        public List<NightLine> nightLines(int night, long roomMinor) {
            List<NightLine> lines = new ArrayList<>(4 + 2 * packages.length);
            lines.add(new NightLine(LineKind.ROOM, "room", "Room", "room", roomVatPercent, roomMinor));
            long roomVat = policy.vatOnTopMinor(roomMinor, roomVatPercent, rounding);
            if (roomVat != 0) {
                lines.add(new NightLine(LineKind.VAT, "room", "VAT", "room", roomVatPercent, roomVat));
            }
            for (int p = 0; p < packages.length; p++) {
                PackageCharge charge = packages[p];
                if (charge.oncePerStay() && night != 0 || charge.amountMinor() == 0) {
                    continue;
                }
                lines.add(new NightLine(LineKind.PACKAGE, charge.code(), charge.name(), charge.category(), packageVatPercent[p],
                        charge.amountMinor()));
                if (packageVatOnTop[p] != 0) {
                    lines.add(new NightLine(LineKind.VAT, charge.code(), "VAT", charge.category(), packageVatPercent[p],
                            packageVatOnTop[p]));
                }
            }
            long city = cityTaxMinor(night, roomMinor);
            if (city != 0) {
                lines.add(new NightLine(LineKind.CITY_TAX, "city_tax", "City tax", "city_tax", null, city));
            }
            return lines;
        }

        /** The stay's lines summed by charge and by VAT rate: what its folio will hold once every night is posted. */
        public Split split(long[] roomMinor, Currency currency) {
            Map<String, long[]> byCharge = new LinkedHashMap<>();
            Map<String, NightLine> first = new LinkedHashMap<>();
            Map<BigDecimal, long[]> byRate = new TreeMap<>();
            long total = 0;
            for (int n = 0; n < roomMinor.length; n++) {
                for (NightLine line : nightLines(n, roomMinor[n])) {
                    total += line.amountMinor();
                    String key = (line.kind() == LineKind.CITY_TAX ? "c:" : "p:") + line.code();
                    long[] sums = byCharge.computeIfAbsent(key, k -> new long[2]);
                    if (line.kind() == LineKind.VAT) {
                        sums[1] += line.amountMinor();
                    } else {
                        sums[0] += line.amountMinor();
                        first.putIfAbsent(key, line);
                    }
                    if (line.vatPercent() != null) {
                        long[] rate = byRate.computeIfAbsent(line.vatPercent(), k -> new long[2]);
                        if (line.kind() == LineKind.VAT) {
                            rate[1] += line.amountMinor();
                        } else if (policy.vatIncluded) {
                            long contained = rounding.includedVat(Money.ofMinor(line.amountMinor(), currency), line.vatPercent())
                                    .minorUnits();
                            rate[0] += line.amountMinor() - contained;
                            rate[1] += contained;
                        } else {
                            rate[0] += line.amountMinor();
                        }
                    }
                }
            }
            List<ChargeTotal> charges = new ArrayList<>();
            byCharge.forEach((key, sums) -> {
                NightLine line = first.get(key);
                charges.add(new ChargeTotal(line.kind(), line.code(), line.category(), line.vatPercent(),
                        Money.ofMinor(sums[0], currency), Money.ofMinor(sums[1], currency)));
            });
            List<VatTotal> vat = new ArrayList<>();
            byRate.forEach((percent, sums) -> vat.add(new VatTotal(Decimals.normalized(percent), Money.ofMinor(sums[0], currency),
                    Money.ofMinor(sums[1], currency), Money.ofMinor(sums[0] + sums[1], currency))));
            return new Split(List.copyOf(charges), List.copyOf(vat), Money.ofMinor(total, currency));
        }
    }
}

package io.hotelkit.billing;

import io.hotelkit.inventory.Property;
import io.hotelkit.shared.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a charge is for the tax and the books: its revenue category, its VAT rate, and its amount split into
 * net and VAT so that {@code net + vat} is the amount to the cent. Invoices' VAT breakdowns, the finance
 * report and the journal all split charges here, line by line, so they never differ by a cent.
 *
 * <p>A room charge carries the property's VAT rate: contained in it when prices include VAT, else on its own
 * {@code TAX} line (all VAT, no net). The city tax is collected for the city ({@link #CITY_TAX}, no VAT);
 * extras and fees carry no VAT, as invoices have always counted them.
 */
public record ChargeSplit(String category, BigDecimal vatPercent, Money net, Money vat) {

    /** The category of the city tax, which is not revenue. */
    public static final String CITY_TAX = "city_tax";

    public ChargeSplit {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(vatPercent, "vat percent");
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(vat, "vat");
    }

    /**
     * The split of a charge of this kind and amount at this property.
     *
     * @throws IllegalArgumentException for a payment or a refund, which are not charges
     */
    public static ChargeSplit of(FolioLineKind kind, Money amount, Property property) {
        if (!kind.isCharge()) {
            throw new IllegalArgumentException(kind + " is not a charge");
        }
        BigDecimal rate = property.taxes().vatPercent();
        Money zero = Money.zero(amount.currency());
        return switch (kind) {
            case ROOM -> {
                Money vat = property.taxes().vatIncluded() ? property.taxes().vatContainedIn(amount, property.rounding()) : zero;
                yield new ChargeSplit("accommodation", rate, amount.minus(vat), vat);
            }
            case TAX -> new ChargeSplit("accommodation", rate, zero, amount);
            case CITY_TAX -> new ChargeSplit(CITY_TAX, BigDecimal.ZERO, amount, zero);
            case EXTRA -> new ChargeSplit("extras", BigDecimal.ZERO, amount, zero);
            case FEE -> new ChargeSplit("fees", BigDecimal.ZERO, amount, zero);
            default -> new ChargeSplit("other", BigDecimal.ZERO, amount, zero);
        };
    }

    public Money gross() {
        return net.plus(vat);
    }

    /** Whether the charge is the hotel's revenue (not the city tax). */
    public boolean isRevenue() {
        return !category.equals(CITY_TAX);
    }
}

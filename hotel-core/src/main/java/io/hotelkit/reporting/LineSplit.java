package io.hotelkit.reporting;

import io.hotelkit.billing.FolioLine;
import io.hotelkit.inventory.Property;
import io.hotelkit.shared.Money;
import java.math.BigDecimal;

/**
 * What a charge line of a folio is in the books: its revenue category, its VAT rate, and its amount split
 * into net and VAT, so that {@code net + vat} is the line's amount to the cent.
 *
 * <p>The one place the books read a line's tax, as the invoice does ({@code InvoiceService}): a room line
 * carries the property's VAT rate (contained in it when prices include VAT, on its own {@code TAX} line when
 * VAT is added on top); the city tax is collected for the city, not revenue; extras and fees carry no VAT.
 *
 * @param account the account its net is credited to
 */
record LineSplit(String category, String account, BigDecimal vatPercent, Money net, Money vat) {

    static final String CITY_TAX = "city_tax";

    static LineSplit of(FolioLine line, Property property) {
        BigDecimal rate = property.taxes().vatPercent();
        Money amount = line.amount();
        Money zero = Money.zero(amount.currency());
        return switch (line.kind()) {
            case ROOM -> {
                Money vat = property.taxes().vatIncluded()
                        ? property.taxes().vatContainedIn(amount, property.rounding()) : zero;
                yield new LineSplit("accommodation", Journal.revenue("accommodation"), rate, amount.minus(vat), vat);
            }
            case TAX -> new LineSplit("accommodation", Journal.vat(rate), rate, zero, amount);
            case CITY_TAX -> new LineSplit(CITY_TAX, Journal.CITY_TAX, BigDecimal.ZERO, amount, zero);
            case EXTRA -> new LineSplit("extras", Journal.revenue("extras"), BigDecimal.ZERO, amount, zero);
            case FEE -> new LineSplit("fees", Journal.revenue("fees"), BigDecimal.ZERO, amount, zero);
            case PAYMENT, REFUND -> throw new IllegalArgumentException(line.kind() + " is not a charge");
            default -> new LineSplit("other", Journal.revenue("other"), BigDecimal.ZERO, amount, zero);
        };
    }

    boolean isRevenue() {
        return !category.equals(CITY_TAX);
    }
}

package io.hotelkit.jpa;

import io.hotelkit.billing.Invoice;
import io.hotelkit.inventory.AgeBand;
import io.hotelkit.inventory.CityTaxRule;
import io.hotelkit.inventory.VatCategory;
import io.hotelkit.inventory.VatRates;
import io.hotelkit.rates.RatePackage;
import io.hotelkit.shared.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The JSON columns of issue 15 (V15): a property's VAT rates and city tax rule, a room type's age bands, a
 * rate plan's packages, an invoice's VAT breakdown; and a booking's children's ages as {@code "4,11"}.
 * Decimals are written as strings, so that none loses a digit.
 */
final class TaxRows {

    private TaxRows() {}

    static @Nullable String write(@Nullable VatRates rates) {
        if (rates == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("accommodation", rates.accommodation().toPlainString());
        json.put("food_and_beverage", rates.foodAndBeverage().toPlainString());
        json.put("other", rates.other().toPlainString());
        Map<String, Object> categories = new TreeMap<>();
        rates.categories().forEach((code, category) -> categories.put(code, category.name()));
        json.put("categories", categories);
        return Json.write(json);
    }

    static @Nullable VatRates readRates(@Nullable String json) {
        if (json == null) {
            return null;
        }
        Map<String, Object> row = Json.readObject(json);
        Map<String, VatCategory> categories = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> stored = (Map<String, Object>) row.get("categories");
        stored.forEach((code, category) -> categories.put(code, VatCategory.valueOf((String) category)));
        return new VatRates(decimal(row.get("accommodation")), decimal(row.get("food_and_beverage")), decimal(row.get("other")),
                categories);
    }

    /** The rule, or null for today's flat per-person-night tax, which the property's own column holds. */
    static @Nullable String write(CityTaxRule rule) {
        if (rule.equals(CityTaxRule.perPersonNight(rule.amount()))) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("basis", rule.basis().name());
        json.put("amount", rule.amount().amount().toPlainString());
        json.put("percent", rule.percent() == null ? null : rule.percent().toPlainString());
        json.put("exempt_under_age", rule.exemptUnderAge());
        json.put("max_nights", rule.maxNights());
        return Json.write(json);
    }

    static CityTaxRule readRule(@Nullable String json, Money perPersonNight) {
        if (json == null) {
            return CityTaxRule.perPersonNight(perPersonNight);
        }
        Map<String, Object> row = Json.readObject(json);
        return new CityTaxRule(CityTaxRule.Basis.valueOf((String) row.get("basis")),
                Money.of(decimal(row.get("amount")), perPersonNight.currency()),
                row.get("percent") == null ? null : decimal(row.get("percent")), integer(row.get("exempt_under_age")),
                integer(row.get("max_nights")));
    }

    static String writeBands(List<AgeBand> bands) {
        List<Object> json = new ArrayList<>();
        for (AgeBand band : bands) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", band.code());
            row.put("min_age", band.minAge());
            row.put("max_age", band.maxAge());
            row.put("price", band.price().name());
            json.add(row);
        }
        return Json.write(json);
    }

    static List<AgeBand> readBands(@Nullable String json) {
        if (json == null) {
            return List.of();
        }
        return Json.readObjects(json).stream().map(row -> new AgeBand((String) row.get("code"), integer(row.get("min_age")),
                integer(row.get("max_age")), AgeBand.Price.valueOf((String) row.get("price")))).toList();
    }

    static String writePackages(List<RatePackage> packages) {
        List<Object> json = new ArrayList<>();
        for (RatePackage pkg : packages) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", pkg.code());
            row.put("name", pkg.name());
            row.put("category", pkg.category());
            row.put("basis", pkg.basis().name());
            row.put("price", pkg.price().amount().toPlainString());
            row.put("currency", pkg.price().currency().getCurrencyCode());
            json.add(row);
        }
        return Json.write(json);
    }

    static List<RatePackage> readPackages(@Nullable String json) {
        if (json == null) {
            return List.of();
        }
        return Json.readObjects(json).stream().map(row -> new RatePackage((String) row.get("code"), (String) row.get("name"),
                (String) row.get("category"), RatePackage.Basis.valueOf((String) row.get("basis")),
                Money.of(decimal(row.get("price")), Money.currency((String) row.get("currency"))))).toList();
    }

    static String writeBreakdown(List<Invoice.VatAmount> breakdown) {
        List<Object> json = new ArrayList<>();
        for (Invoice.VatAmount rate : breakdown) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("percent", rate.percent().toPlainString());
            row.put("net", rate.net().amount().toPlainString());
            row.put("vat", rate.vat().amount().toPlainString());
            json.add(row);
        }
        return Json.write(json);
    }

    static List<Invoice.VatAmount> readBreakdown(@Nullable String json, Currency currency) {
        if (json == null) {
            return List.of();
        }
        return Json.readObjects(json).stream().map(row -> {
            Money net = Money.of(decimal(row.get("net")), currency);
            Money vat = Money.of(decimal(row.get("vat")), currency);
            return new Invoice.VatAmount(decimal(row.get("percent")), net, vat, net.plus(vat));
        }).toList();
    }

    static @Nullable String writeAges(List<Integer> ages) {
        if (ages.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (int age : ages) {
            text.append(text.isEmpty() ? "" : ",").append(age);
        }
        return text.toString();
    }

    static List<Integer> readAges(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Integer> ages = new ArrayList<>();
        for (String age : text.split(",")) {
            ages.add(Integer.parseInt(age));
        }
        return ages;
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    private static @Nullable Integer integer(@Nullable Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}

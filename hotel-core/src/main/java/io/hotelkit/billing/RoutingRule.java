package io.hotelkit.billing;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a folio window takes instead of the guest's window: charges of a kind (room, tax, city tax, extra),
 * and for extras of a category ({@code minibar}) or of every category. Fees (cancellation, no-show) stay on
 * the guest's window.
 *
 * @param category for {@link FolioLineKind#EXTRA} only: the extras' category, or null for all extras
 */
public record RoutingRule(FolioLineKind kind, @Nullable String category) {

    public RoutingRule {
        Objects.requireNonNull(kind, "kind");
        if (!kind.isCorrectable() || kind == FolioLineKind.FEE) {
            throw new IllegalArgumentException("only room, tax, city_tax and extra charges are routed, not " + kind);
        }
        if (category != null && (kind != FolioLineKind.EXTRA || !category.matches("[a-z][a-z_]{0,31}"))) {
            throw new IllegalArgumentException("a routing rule names a category only for extras, as 1 to 32 lower-case letters and '_'");
        }
    }

    public static RoutingRule of(FolioLineKind kind) {
        return new RoutingRule(kind, null);
    }

    public static RoutingRule extras(String category) {
        return new RoutingRule(FolioLineKind.EXTRA, category);
    }

    /** Whether a charge of {@code kind} and {@code category} follows this rule. */
    public boolean matches(FolioLineKind lineKind, @Nullable String lineCategory) {
        return kind == lineKind && (category == null || category.equals(lineCategory));
    }

    /** Whether this rule and {@code other} would route some charge alike. */
    public boolean overlaps(RoutingRule other) {
        return kind == other.kind && (category == null || other.category == null || category.equals(other.category));
    }
}

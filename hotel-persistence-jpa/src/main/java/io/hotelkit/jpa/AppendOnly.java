package io.hotelkit.jpa;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Keeps the child rows of a list that an aggregate only ever adds to (folio lines, refunds, loyalty
 * entries) in step with it: the new items are appended, so that saving writes only their rows, and any
 * other change is refused.
 */
final class AppendOnly {

    private AppendOnly() {}

    /**
     * Appends to {@code rows} the items of {@code items} past those it has.
     *
     * @param rowKey and {@code itemKey} identify an item (its id), to tell that the stored ones are unchanged
     * @throws IllegalArgumentException if {@code items} does not begin with the stored items
     */
    static <I, R> void copy(List<I> items, List<R> rows, Function<I, Object> itemKey, Function<R, Object> rowKey,
            Function<I, R> toRow, String what) {
        boolean prefix = rows.size() <= items.size();
        for (int i = 0; prefix && i < rows.size(); i++) {
            prefix = Objects.equals(rowKey.apply(rows.get(i)), itemKey.apply(items.get(i)));
        }
        if (!prefix) {
            throw new IllegalArgumentException(what + " are only ever added, never changed or removed");
        }
        for (I item : items.subList(rows.size(), items.size())) {
            rows.add(toRow.apply(item));
        }
    }
}

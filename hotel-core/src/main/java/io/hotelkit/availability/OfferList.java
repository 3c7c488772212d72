package io.hotelkit.availability;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A search's offers as {@link Availability} keeps them: the first {@code size} elements of an array that
 * only this list holds, none null, so that the answer needs no copy of them. Unmodifiable.
 */
final class OfferList extends AbstractList<Offer> implements RandomAccess {

    private final Offer[] offers;
    private final int size;

    OfferList(Offer[] offers, int size) {
        Objects.checkFromIndexSize(0, size, offers.length);
        this.offers = offers;
        this.size = size;
    }

    @Override
    public Offer get(int index) {
        return offers[Objects.checkIndex(index, size)];
    }

    @Override
    public int size() {
        return size;
    }
}

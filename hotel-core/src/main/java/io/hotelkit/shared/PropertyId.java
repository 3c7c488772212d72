package io.hotelkit.shared;

/** The opaque, server-generated identity of a property. */
public record PropertyId(String value) {

    public PropertyId {
        Ids.requireWellFormed(value, "property id");
    }

    public static PropertyId of(String value) {
        return new PropertyId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

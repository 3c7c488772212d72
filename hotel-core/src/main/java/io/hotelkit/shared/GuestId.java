package io.hotelkit.shared;

/** The opaque, server-generated identity of a guest. */
public record GuestId(String value) {

    public GuestId {
        Ids.requireWellFormed(value, "guest id");
    }

    public static GuestId of(String value) {
        return new GuestId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

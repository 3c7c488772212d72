package io.hotelkit.shared;

/** No {@code kind} with that key exists (or it is not visible to the caller). */
public final class NotFoundException extends HotelException {

    private final String kind;
    private final String key;

    public NotFoundException(String kind, Object key) {
        super("no " + kind + " '" + key + "'");
        this.kind = kind;
        this.key = String.valueOf(key);
    }

    public String kind() {
        return kind;
    }

    public String key() {
        return key;
    }

    @Override
    public String code() {
        return "not-found";
    }
}

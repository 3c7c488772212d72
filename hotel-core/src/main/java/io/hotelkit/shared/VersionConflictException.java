package io.hotelkit.shared;

/** The caller changed a version it read ({@code If-Match}) that someone else has changed since. */
public final class VersionConflictException extends ConflictException {

    private final String kind;
    private final String id;
    private final long expected;
    private final long actual;

    public VersionConflictException(String kind, String id, long expected, long actual) {
        super("%s '%s' is at version %d, not %d: read it again".formatted(kind, id, actual, expected));
        this.kind = kind;
        this.id = id;
        this.expected = expected;
        this.actual = actual;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }

    public long expected() {
        return expected;
    }

    public long actual() {
        return actual;
    }

    @Override
    public String code() {
        return "version-conflict";
    }
}

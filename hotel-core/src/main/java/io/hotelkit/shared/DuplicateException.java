package io.hotelkit.shared;

import java.util.Optional;

/** A {@code kind} with that unique key (code, number, email) exists already. */
public final class DuplicateException extends ConflictException {

    private final String kind;
    private final String key;
    private final String existingId;

    public DuplicateException(String kind, String key, String existingId) {
        super("a " + kind + " '" + key + "' exists already");
        this.kind = kind;
        this.key = key;
        this.existingId = existingId;
    }

    public String kind() {
        return kind;
    }

    public String key() {
        return key;
    }

    /** The id of the one that exists, where it has one of its own (a guest's id for a taken email). */
    public Optional<String> existingId() {
        return Optional.ofNullable(existingId);
    }

    @Override
    public String code() {
        return "duplicate";
    }
}

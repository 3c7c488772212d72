package io.hotelkit.billing;

/** The opaque, server-generated identity of a company or travel agent. */
public record CompanyId(String value) {

    public CompanyId {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("a company id has 1 to 64 characters");
        }
    }

    public static CompanyId of(String value) {
        return new CompanyId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

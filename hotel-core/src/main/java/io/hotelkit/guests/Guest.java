package io.hotelkit.guests;

import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.Versioned;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A guest's profile. Its email is unique among guests (compared lower-case); preferences are a free-form
 * JSON object. An erased guest keeps only its id, so that bookings and invoices stay for the books.
 *
 * @param nationality an ISO 3166-1 alpha-2 country code
 * @param preferences JSON values only: strings, numbers, booleans, nulls, lists and maps of them
 */
public record Guest(
        GuestId id,
        String name,
        @Nullable String email,
        @Nullable String phone,
        @Nullable String nationality,
        Map<String, Object> preferences,
        boolean loyaltyOptIn,
        Instant createdAt,
        @Nullable Instant erasedAt,
        long version) implements Versioned<Guest> {

    public static final String ERASED_NAME = "erased";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{3,32}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public Guest {
        Objects.requireNonNull(id, "guest id");
        Objects.requireNonNull(name, "name");
        name = name.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new IllegalArgumentException("name must have 1 to 200 characters");
        }
        if (email != null) {
            email = normalizeEmail(email);
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new IllegalArgumentException("phone must be 3 to 32 digits, spaces and + ( ) . / -, not '" + phone + "'");
        }
        if (nationality != null && !COUNTRY.matcher(nationality).matches()) {
            throw new IllegalArgumentException("nationality must be an ISO 3166-1 alpha-2 code such as 'PT', not '" + nationality + "'");
        }
        preferences = Preferences.copyOf(preferences);
        Objects.requireNonNull(createdAt, "created at");
        if (erasedAt == null && email == null) {
            throw new IllegalArgumentException("a guest needs an email");
        }
    }

    /** The email as guests are matched by it: trimmed and lower-case. */
    public static String normalizeEmail(String email) {
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
            throw new IllegalArgumentException("email must be an address such as 'ana@example.com', not '" + email + "'");
        }
        return normalized;
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    public Guest withProfile(String newName, String newEmail, @Nullable String newPhone, @Nullable String newNationality,
            Map<String, Object> newPreferences, boolean newLoyaltyOptIn) {
        return new Guest(id, newName, newEmail, newPhone, newNationality, newPreferences, newLoyaltyOptIn, createdAt, erasedAt,
                version);
    }

    /** This guest with everything that names a person removed. */
    public Guest erased(Instant at) {
        return new Guest(id, ERASED_NAME, null, null, null, Map.of(), false, createdAt, at, version);
    }

    @Override
    public Guest withVersion(long newVersion) {
        return new Guest(id, name, email, phone, nationality, preferences, loyaltyOptIn, createdAt, erasedAt, newVersion);
    }
}

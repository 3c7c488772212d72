package io.hotelkit.guests;

import io.hotelkit.shared.GuestId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The guests. {@code save} versions as {@link io.hotelkit.inventory.Properties} says, and refuses a
 * second guest with the same email with {@link io.hotelkit.shared.DuplicateException} carrying the
 * existing guest's id.
 */
public interface Guests {

    Optional<Guest> findBy(GuestId id);

    /** The guest with this email, compared lower-case. */
    Optional<Guest> findByEmail(String email);

    /**
     * Guests whose email is {@code email} and whose name contains {@code name} (case-insensitive), each
     * if given; in id order after {@code afterId}, at most {@code limit}. Erased guests are never found.
     */
    List<Guest> search(@Nullable String email, @Nullable String name, @Nullable GuestId afterId, int limit);

    Guest save(Guest guest);
}

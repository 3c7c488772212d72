package io.hotelkit.server;

import io.hotelkit.access.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The roles a route admits, declared beside the route: {@code routes.get("/", allow(MANAGER, AUDITOR), ...)}.
 * {@link Role#ADMIN} may do everything, so every set admits it.
 */
record Roles(Set<Role> admitted) {

    public Roles {
        admitted = Set.copyOf(admitted);
    }

    public static Roles allow(Role first, Role... more) {
        EnumSet<Role> roles = EnumSet.of(Role.ADMIN, first);
        roles.addAll(Arrays.asList(more));
        return new Roles(roles);
    }

    public boolean admits(Role role) {
        return admitted.contains(role);
    }

    @Override
    public String toString() {
        return admitted.stream().map(Roles::wire).sorted().collect(Collectors.joining(", "));
    }

    /** A role as the API writes it: {@code front_desk}. */
    static String wire(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }
}

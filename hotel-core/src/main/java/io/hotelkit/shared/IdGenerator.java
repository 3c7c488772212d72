package io.hotelkit.shared;

/** Where new identities come from; {@link Ids#timeOrdered} unless an integrator has its own scheme. */
public interface IdGenerator {

    /** A new opaque id, unique across the whole system. */
    String next();

    /** A short code a guest can read over the phone; unique enough that a collision is refused, not lost. */
    String confirmationCode();
}

package io.hotelkit.access;

import java.util.List;
import java.util.Optional;

/** The stored API keys, found by the hash of the key a request presents. */
public interface ApiKeys {

    Optional<ApiKey> findByHash(String hash);

    Optional<ApiKey> findBy(String id);

    /** Every key, revoked ones included, in id order. */
    List<ApiKey> list();

    /** Whether any key exists, revoked or not, so that a first start knows to make the bootstrap key. */
    boolean any();

    void save(ApiKey apiKey);
}

package io.hotelkit.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Subscriptions' signing secrets: made here ({@code whsec_} and 32 random bytes), shown once, and kept so
 * that the server can sign with them, which a hash would not allow. With {@code hotel.webhooks.secret-key}
 * set they are stored sealed ({@code gcm1:} and base64 of a random 12-byte nonce and the AES-256-GCM
 * ciphertext), so that a copy of the database alone signs nothing; without it they are stored as made
 * ({@code plain:}), and a key set later seals only new secrets: old ones still open.
 */
final class WebhookSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SEALED = "gcm1:";
    private static final String PLAIN = "plain:";

    private final @Nullable SecretKeySpec key;

    WebhookSecrets(@Nullable String base64Key) {
        this.key = base64Key == null ? null : new SecretKeySpec(Base64.getDecoder().decode(base64Key.strip()), "AES");
    }

    boolean seals() {
        return key != null;
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String seal(String secret) {
        if (key == null) {
            return PLAIN + secret;
        }
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return SEALED + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The secret {@link #seal} stored; fails if it was sealed under another key, or with none configured. */
    String open(String stored) {
        if (stored.startsWith(PLAIN)) {
            return stored.substring(PLAIN.length());
        }
        if (!stored.startsWith(SEALED) || key == null) {
            throw new IllegalStateException("a webhook secret is sealed, and hotel.webhooks.secret-key is not set");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(SEALED.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a webhook secret does not open with hotel.webhooks.secret-key (another key?)", e);
        }
    }
}

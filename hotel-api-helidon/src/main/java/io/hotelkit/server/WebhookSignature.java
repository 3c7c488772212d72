package io.hotelkit.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery, in the manner of Stripe's: {@code Hotelkit-Signature: t=<unix
 * seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the subscription's secret>}. The timestamp is signed
 * with the body, so a receiver that refuses old timestamps refuses a replayed delivery; API.md shows the
 * receiver's side, which {@link #verify} is.
 */
final class WebhookSignature {

    static final String HEADER = "Hotelkit-Signature";
    static final String EVENT_ID_HEADER = "Hotelkit-Event-Id";
    static final String EVENT_TYPE_HEADER = "Hotelkit-Event-Type";

    private WebhookSignature() {}

    /** The header's value for {@code body} sent at {@code at}. */
    static String header(String secret, Instant at, byte[] body) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(secret, t, body));
    }

    /**
     * Whether {@code header} signs {@code body} with {@code secret} at a time within {@code tolerance} of
     * {@code now}: what a receiver checks.
     */
    static boolean verify(String header, byte[] body, String secret, Instant now, Duration tolerance) {
        long t = -1;
        byte[] expected = null;
        boolean matched = false;
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                return false;
            }
            if (pair[0].equals("t")) {
                try {
                    t = Long.parseLong(pair[1]);
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        if (t < 0 || Math.abs(now.getEpochSecond() - t) > tolerance.toSeconds()) {
            return false;
        }
        expected = hmac(secret, t, body);
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair[0].equals("v1") && pair[1].matches("[0-9a-f]{64}")) {
                matched |= MessageDigest.isEqual(expected, HexFormat.of().parseHex(pair[1]));
            }
        }
        return matched;
    }

    private static byte[] hmac(String secret, long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

package io.hotelkit.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The receiver's check of a delivery, as API.md shows it to integrators (the text between the markers is
 * copied there, and {@code WebhookDeliveryTest} checks that API.md still has it): JDK only.
 */
final class WebhookVerification {

    private WebhookVerification() {}

    // api.md:java:start
    /** Whether a delivery is genuine: signed with the secret, at most 5 minutes from now. */
    static boolean verify(String signatureHeader, byte[] rawBody, String secret, long nowEpochSeconds) throws Exception {
        long t = -1;
        List<String> signatures = new ArrayList<>();
        for (String part : signatureHeader.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t") && pair[1].matches("[0-9]{1,12}")) {
                t = Long.parseLong(pair[1]);
            } else if (pair.length == 2 && pair[0].equals("v1") && pair[1].matches("[0-9a-f]{64}")) {
                signatures.add(pair[1]);
            }
        }
        if (t < 0 || Math.abs(nowEpochSeconds - t) > 300) {
            return false; // too old or from the future: a replay, or clocks far apart
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(rawBody);
        for (String signature : signatures) {
            if (MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature))) {
                return true;
            }
        }
        return false;
    }
    // api.md:java:end
}

package io.hotelkit.internal;

import io.hotelkit.shared.InvalidRequestException;
import java.util.regex.Pattern;

/**
 * Card data never enters the system: only a payment gateway's token of a card does. Something that looks
 * like a card number (13 to 19 digits, spaced or not) is refused wherever a token is expected, and is
 * never echoed back.
 */
public final class CardTokens {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.:-]{1,255}");
    private static final Pattern CARD_NUMBER = Pattern.compile("[0-9][0-9 -]{11,22}[0-9]");

    private CardTokens() {}

    /** Whether {@code text} looks like a card number. */
    public static boolean looksLikeCardNumber(String text) {
        if (!CARD_NUMBER.matcher(text).matches()) {
            return false;
        }
        int digits = text.replaceAll("[ -]", "").length();
        return digits >= 13 && digits <= 19;
    }

    /** @throws InvalidRequestException naming {@code field} unless {@code token} is a well-formed gateway token */
    public static String requireToken(String field, String token) {
        if (looksLikeCardNumber(token)) {
            throw new InvalidRequestException(field, "send a payment gateway's card token, never a card number");
        }
        if (!TOKEN.matcher(token).matches() || token.chars().allMatch(Character::isDigit)) {
            throw new InvalidRequestException(field, "a card token is 1 to 255 letters, digits and _ . : -, such as 'tok_visa'");
        }
        return token;
    }
}

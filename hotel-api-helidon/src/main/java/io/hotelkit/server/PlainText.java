package io.hotelkit.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * The rule for every text a client sends, in a body, a path or a query: printable Unicode only. No NUL
 * (PostgreSQL refuses it in text, a 500 before this rule), no other control character (they hide text in
 * logs and terminals) and no lone surrogate (a Java string can hold one; UTF-8 cannot, so a database
 * would store {@code ?}). Long free text ({@link #MULTI_LINE}) may hold tabs and line breaks.
 */
final class PlainText {

    /** Fields whose text may run over several lines (a property's postal address too); preferences are free-form throughout. */
    static final Set<String> MULTI_LINE = Set.of("special_requests", "description", "reason", "preferences", "address");

    private PlainText() {}

    /** Why {@code text} is refused, or empty when it is plain text. */
    static Optional<String> problem(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must be valid Unicode text; it holds a lone surrogate (\\u%04X) at character %d"
                        .formatted((int) c, i + 1));
            } else if (isControl(c) && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                return Optional.of("must not hold control characters; it holds \\u%04X at character %d%s"
                        .formatted((int) c, i + 1, multiLine ? " (tabs and line breaks are allowed)" : ""));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code text} is plain text on one line: what a path or query parameter must be. */
    static boolean isPlain(String text) {
        return problem(text, false).isEmpty();
    }

    /**
     * Whether {@code percentEncoded}, as a URI carries it, decodes to UTF-8. Decoding replaces what is not
     * with U+FFFD, and a lookup for that would find nothing and say so as if the request were fine.
     */
    static boolean isUtf8(String percentEncoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < percentEncoded.length(); i++) {
            char c = percentEncoded.charAt(i);
            if (c == '%' && i + 2 < percentEncoded.length() && HexFormat.isHexDigit(percentEncoded.charAt(i + 1))
                    && HexFormat.isHexDigit(percentEncoded.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(percentEncoded, i + 1, i + 3));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F;
    }
}

package io.hotelkit.billing;

import io.hotelkit.shared.ConflictException;

/**
 * A folio correction the line's state does not allow: a void after the line's business date was closed (use an
 * allowance), a line voided or moved already, an allowance larger than what is left of the line.
 */
public final class CorrectionRefusedException extends ConflictException {

    private final String code;

    public CorrectionRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}

package io.hotelkit.billing;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who a folio window is billed to: the booking's guest, another person (named), or a company or travel agent
 * (whose account receivable takes what the window holds at check-out).
 *
 * @param name the person's name; for the guest and a company, null (their names are in their records)
 * @param companyId the company, for a company's window
 */
public record Payer(Kind kind, @Nullable String name, @Nullable CompanyId companyId) {

    public enum Kind {
        GUEST,
        PERSON,
        COMPANY
    }

    public Payer {
        Objects.requireNonNull(kind, "payer kind");
        if (name != null) {
            name = name.strip();
        }
        switch (kind) {
            case GUEST -> {
                if (name != null || companyId != null) {
                    throw new IllegalArgumentException("the guest as payer has no name or company of its own");
                }
            }
            case PERSON -> {
                if (name == null || name.isEmpty() || name.length() > 200 || companyId != null) {
                    throw new IllegalArgumentException("a person as payer has a name of 1 to 200 characters and no company");
                }
            }
            case COMPANY -> {
                if (companyId == null || name != null) {
                    throw new IllegalArgumentException("a company as payer is named by its company id alone");
                }
            }
        }
    }

    public static Payer guest() {
        return new Payer(Kind.GUEST, null, null);
    }

    public static Payer person(String name) {
        return new Payer(Kind.PERSON, name, null);
    }

    public static Payer company(CompanyId companyId) {
        return new Payer(Kind.COMPANY, null, companyId);
    }
}

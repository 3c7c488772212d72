package io.hotelkit.billing.internal;

import io.hotelkit.billing.Companies;
import io.hotelkit.billing.Company;
import io.hotelkit.billing.CompanyId;
import io.hotelkit.billing.CreditLimitExceededException;
import io.hotelkit.billing.Folio;
import io.hotelkit.billing.FolioLine;
import io.hotelkit.billing.Folios;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Posts charges to a booking's folio windows by its routing rules: a charge goes to the lowest-numbered
 * window routed its kind (and category), else to the guest's window 1. A charge routed to a company's window
 * is checked against the company's credit limit: refused when {@code enforce}, else (the night audit, which
 * must not stop) posted to the guest's window instead.
 */
public final class Posting {

    private final Folios folios;
    private final Companies companies;

    public Posting(Folios folios, Companies companies) {
        this.folios = Objects.requireNonNull(folios, "folios");
        this.companies = Objects.requireNonNull(companies, "companies");
    }

    /** The booking's windows, window 1 first. */
    public List<Folio> windows(PropertyId propertyId, BookingId bookingId) {
        List<Folio> windows = folios.windows(propertyId, bookingId);
        if (windows.isEmpty()) {
            throw new NotFoundException("folio of booking", bookingId);
        }
        return windows;
    }

    /** Whether any window of the booking has a line with {@code reference}. */
    public boolean posted(PropertyId propertyId, BookingId bookingId, String reference) {
        return folios.windows(propertyId, bookingId).stream().anyMatch(folio -> folio.hasReference(reference));
    }

    /** The window a charge of the line's kind and {@code category} goes to. */
    public static Folio route(List<Folio> windows, FolioLine line, @Nullable String category) {
        return windows.stream()
                .filter(folio -> folio.takes(line.kind(), category))
                .findFirst()
                .orElse(windows.getFirst());
    }

    /**
     * Posts a charge where the booking's routing sends it, unless a window has its reference already, and
     * saves that window.
     *
     * @return the window as saved with the line, or as it was if the reference was posted
     * @throws CreditLimitExceededException if {@code enforce} and the charge goes to a company over its limit
     */
    public Folio post(PropertyId propertyId, BookingId bookingId, FolioLine line, @Nullable String category, boolean enforce) {
        List<Folio> windows = windows(propertyId, bookingId);
        if (line.reference() != null) {
            for (Folio folio : windows) {
                if (folio.hasReference(line.reference())) {
                    return folio;
                }
            }
        }
        Folio target = route(windows, line, category);
        if (target.billsCompany() && line.amount().isPositive()) {
            try {
                requireCredit(propertyId, Objects.requireNonNull(target.payer().companyId()), line.amount());
            } catch (CreditLimitExceededException refused) {
                if (enforce) {
                    throw refused;
                }
                target = windows.getFirst();
            }
        }
        return folios.save(target.post(line));
    }

    /**
     * Posts charges where the booking's routing sends them, each unless a window has its reference already,
     * saving each window that changed once. A charge for a company over its credit limit goes to the guest's
     * window (the night audit's way: it must not stop).
     */
    public void postAll(PropertyId propertyId, BookingId bookingId, List<FolioLine> lines) {
        List<Folio> windows = new java.util.ArrayList<>(windows(propertyId, bookingId));
        java.util.Set<Integer> changed = new java.util.TreeSet<>();
        java.util.Map<CompanyId, Money> pending = new java.util.HashMap<>();
        for (FolioLine line : lines) {
            if (line.reference() != null && windows.stream().anyMatch(folio -> folio.hasReference(line.reference()))) {
                continue;
            }
            Folio target = route(windows, line, null);
            if (target.billsCompany() && line.amount().isPositive()) {
                CompanyId companyId = Objects.requireNonNull(target.payer().companyId());
                Money more = pending.getOrDefault(companyId, Money.zero(line.amount().currency())).plus(line.amount());
                try {
                    requireCredit(propertyId, companyId, more);
                    pending.put(companyId, more);
                } catch (CreditLimitExceededException refused) {
                    target = windows.getFirst();
                }
            }
            int index = windows.indexOf(target);
            windows.set(index, target.post(line));
            changed.add(index);
        }
        changed.forEach(index -> folios.save(windows.get(index)));
    }

    /** Posts to exactly this window (a move's target), checking a company's credit limit. */
    public Folio postTo(Folio window, FolioLine line) {
        if (window.billsCompany() && line.amount().isPositive()) {
            requireCredit(window.propertyId(), Objects.requireNonNull(window.payer().companyId()), line.amount());
        }
        return folios.save(window.post(line));
    }

    /**
     * What the company owes and may come to owe: its account's balance and its windows' open balances.
     */
    public Money exposure(Company company) {
        Money exposure = company.balance();
        for (Folio folio : folios.billing(company.propertyId(), company.id())) {
            exposure = exposure.plus(folio.balance());
        }
        return exposure;
    }

    /** Whether a booking's window bills the company. */
    public boolean billedBy(Company company) {
        return !folios.billing(company.propertyId(), company.id()).isEmpty();
    }

    /**
     * Refuses {@code more} if it would take the company past its credit limit.
     *
     * @throws CreditLimitExceededException naming the limit
     */
    public void requireCredit(PropertyId propertyId, CompanyId companyId, Money more) {
        Company company = companies.findBy(propertyId, companyId).orElseThrow(() -> new NotFoundException("company", companyId));
        Money exposure = exposure(company).plus(more);
        if (exposure.compareTo(company.creditLimit()) > 0) {
            throw new CreditLimitExceededException(companyId, company.name(), company.creditLimit(), exposure);
        }
    }
}

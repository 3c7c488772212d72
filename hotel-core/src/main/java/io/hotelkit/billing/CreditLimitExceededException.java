package io.hotelkit.billing;

import io.hotelkit.shared.ConflictException;
import io.hotelkit.shared.Money;

/** A charge (or routing rule) would take what a company owes past its credit limit. */
public final class CreditLimitExceededException extends ConflictException {

    private final CompanyId companyId;
    private final Money creditLimit;
    private final Money exposure;

    public CreditLimitExceededException(CompanyId companyId, String name, Money creditLimit, Money exposure) {
        super("company " + name + " (" + companyId + ") would owe " + exposure + ", over its credit limit of " + creditLimit);
        this.companyId = companyId;
        this.creditLimit = creditLimit;
        this.exposure = exposure;
    }

    public CompanyId companyId() {
        return companyId;
    }

    public Money creditLimit() {
        return creditLimit;
    }

    public Money exposure() {
        return exposure;
    }

    @Override
    public String code() {
        return "credit-limit-exceeded";
    }
}

package io.hotelkit.memory;

import io.hotelkit.billing.Companies;
import io.hotelkit.billing.Company;
import io.hotelkit.billing.CompanyId;
import io.hotelkit.shared.PropertyId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

final class MemoryCompanies implements Companies {

    private final MemoryTable<Company> table;

    MemoryCompanies(MemoryTransactions transactions) {
        this.table = MemoryTable.ordered(transactions);
    }

    @Override
    public Optional<Company> findBy(PropertyId propertyId, CompanyId id) {
        return table.get(PropertyKeys.key(propertyId, id.value()));
    }

    @Override
    public List<Company> list(PropertyId propertyId, @Nullable CompanyId afterId, int limit) {
        return table.scan(PropertyKeys.prefix(propertyId), afterId == null ? null : PropertyKeys.key(propertyId, afterId.value()),
                company -> true, limit);
    }

    @Override
    public Company save(Company company) {
        return table.putVersioned(PropertyKeys.key(company.propertyId(), company.id().value()), company, "company");
    }

    @Override
    public void delete(Company company) {
        table.put(PropertyKeys.key(company.propertyId(), company.id().value()), null);
    }
}

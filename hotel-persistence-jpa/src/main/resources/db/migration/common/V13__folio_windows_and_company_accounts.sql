-- Written once for both databases.
--
-- Folio windows, routing and company accounts (issue 15). Window 1 of every booking stays in folios and
-- folio_lines as before; the windows a booking opens besides it (2 to 8) are rows of folio_windows, each billed
-- to a payer (another person, or a company of the property) and taking the charges its routes name
-- (comma-separated: room, tax, extra:minibar). A company (or travel agent) has its profile in companies and its
-- account receivable in company_entries, only ever added to: invoices billed to it, credit notes, payments,
-- and allocations of payments to invoices. An invoice says which window it invoices and, if billed to a
-- company's account, which company. Every key starts with property_id (docs/SCALING.md). Foreign keys are left
-- unnamed, as V8's: H2 then names their indexes as MigrationsIT expects of both databases.
create table companies (
    property_id   varchar(64)    not null references properties (id),
    id            varchar(64)    not null,
    kind          varchar(16)    not null,
    name          varchar(200)   not null,
    line1         varchar(200)   not null,
    line2         varchar(200),
    postal_code   varchar(20)    not null,
    city          varchar(100)   not null,
    country       varchar(2)     not null,
    vat_id        varchar(32),
    currency      varchar(3)     not null,
    credit_limit  numeric(19, 4) not null,
    version       bigint         not null,
    constraint companies_pkey primary key (property_id, id),
    constraint companies_credit_limit_not_negative check (credit_limit >= 0)
);

create table company_entries (
    property_id  varchar(64)    not null,
    company_id   varchar(64)    not null,
    line_no      integer        not null,
    id           varchar(64)    not null,
    kind         varchar(16)    not null,
    entry_date   date           not null,
    amount       numeric(19, 4) not null,
    invoice_id   varchar(64),
    number       varchar(32),
    payment_id   varchar(64),
    reference    varchar(200),
    entry_at     timestamp with time zone not null,
    constraint company_entries_pkey primary key (property_id, company_id, line_no),
    constraint company_entries_id_unique unique (property_id, company_id, id),
    foreign key (property_id, company_id) references companies (property_id, id)
);

create table folio_windows (
    property_id  varchar(64)   not null references properties (id),
    booking_id   varchar(64)   not null,
    window_no    integer       not null,
    guest_id     varchar(64)   not null,
    currency     varchar(3)    not null,
    payer_kind   varchar(16)   not null,
    payer_name   varchar(200),
    company_id   varchar(64),
    routes       varchar(1000) not null,
    version      bigint        not null,
    constraint folio_windows_pkey primary key (property_id, booking_id, window_no),
    constraint folio_windows_not_the_guests check (window_no between 2 and 8),
    foreign key (property_id, booking_id) references folios (property_id, booking_id),
    foreign key (property_id, company_id) references companies (property_id, id)
);
create index folio_windows_of_company on folio_windows (property_id, company_id);

create table folio_window_lines (
    property_id    varchar(64)    not null,
    booking_id     varchar(64)    not null,
    window_no      integer        not null,
    line_no        integer        not null,
    id             varchar(64)    not null,
    business_date  date           not null,
    kind           varchar(16)    not null,
    description    varchar(200)   not null,
    amount         numeric(19, 4) not null,
    reference      varchar(200),
    posted_at      timestamp with time zone not null,
    constraint folio_window_lines_pkey primary key (property_id, booking_id, window_no, line_no),
    constraint folio_window_lines_reference_unique unique (property_id, booking_id, window_no, reference),
    foreign key (property_id, booking_id, window_no)
        references folio_windows (property_id, booking_id, window_no)
);

alter table invoices add column window_no integer default 1 not null;
alter table invoices add column company_id varchar(64);

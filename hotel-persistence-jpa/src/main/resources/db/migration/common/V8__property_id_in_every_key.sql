-- Written once for both databases (Flyway reads db/migration/common and the database's own folder; the
-- placeholders ${json_type} and ${percent_type} are set per database in Vendor).
--
-- Every table of a property's data carries property_id in its primary key and in each unique key, so that
-- a distributed PostgreSQL (Citus) can shard the schema by property unchanged: a distributed table's unique
-- constraints must contain its distribution column, and a foreign key between two distributed tables must
-- contain it too (docs/SCALING.md). The tables of V1 and V5 were made that way; the reservation and billing
-- tables of V4 were keyed by their own id alone. They are made again here with property_id first in every
-- key, their rows copied: a table is made again, not altered, because H2 names a key it was not given a name
-- for (CONSTRAINT_4C), so no script written once could drop it. Keys and foreign keys are named as V4
-- named them (or not at all, as V4 did not), so that both databases keep the same schema (MigrationsIT). The child tables (folio lines, refunds,
-- invoice lines) take their parent's property_id, and refer to it by (property_id, id).
-- PostgreSQL's backstops on these tables (the exclusion constraint of bookings, the triggers that refuse any
-- change to issued invoices and folio lines) go with the old tables and are made again by postgresql/V9.

create table bookings_v8 (
    property_id             varchar(64)    not null references properties (id),
    id                      varchar(64)    not null,
    confirmation_code       varchar(64)    not null,
    guest_id                varchar(64)    not null,
    room_type               varchar(32)    not null,
    room_number             varchar(32),
    room_requested          boolean        not null,
    rate_plan               varchar(32)    not null,
    block_code              varchar(32),
    checkin                 date           not null,
    checkout                date           not null,
    adults                  integer        not null,
    children                integer        not null,
    currency                varchar(3)     not null,
    nightly_prices          ${json_type}   not null,
    total                   numeric(19, 4) not null,
    free_until_days_before  integer        not null,
    penalty                 varchar(16)    not null,
    penalty_percent         ${percent_type},
    status                  varchar(16)    not null,
    special_requests        varchar(2000),
    card_token              varchar(200),
    created_by              varchar(200)   not null,
    created_at              timestamp with time zone not null,
    updated_at              timestamp with time zone not null,
    cancellation_reason     varchar(2000),
    version                 bigint         not null,
    constraint bookings_pkey_v8 primary key (property_id, id),
    foreign key (property_id, room_type) references room_types (property_id, code),
    foreign key (property_id, room_number) references rooms (property_id, number),
    foreign key (property_id, rate_plan) references rate_plans (property_id, code),
    foreign key (property_id, block_code) references blocks (property_id, code),
    check (checkout > checkin)
);
insert into bookings_v8 (property_id, id, confirmation_code, guest_id, room_type, room_number, room_requested,
        rate_plan, block_code, checkin, checkout, adults, children, currency, nightly_prices, total,
        free_until_days_before, penalty, penalty_percent, status, special_requests, card_token, created_by,
        created_at, updated_at, cancellation_reason, version)
    select property_id, id, confirmation_code, guest_id, room_type, room_number, room_requested,
        rate_plan, block_code, checkin, checkout, adults, children, currency, nightly_prices, total,
        free_until_days_before, penalty, penalty_percent, status, special_requests, card_token, created_by,
        created_at, updated_at, cancellation_reason, version
    from bookings;

create table folios_v8 (
    property_id  varchar(64) not null references properties (id),
    booking_id   varchar(64) not null,
    guest_id     varchar(64) not null,
    currency     varchar(3)  not null,
    version      bigint      not null,
    constraint folios_pkey_v8 primary key (property_id, booking_id)
);
insert into folios_v8 (property_id, booking_id, guest_id, currency, version)
    select property_id, booking_id, guest_id, currency, version from folios;

create table folio_lines_v8 (
    property_id    varchar(64)    not null,
    booking_id     varchar(64)    not null,
    line_no        integer        not null,
    id             varchar(64)    not null,
    business_date  date           not null,
    kind           varchar(16)    not null,
    description    varchar(200)   not null,
    amount         numeric(19, 4) not null,
    reference      varchar(200),
    posted_at      timestamp with time zone not null,
    constraint folio_lines_pkey_v8 primary key (property_id, booking_id, line_no)
);
insert into folio_lines_v8 (property_id, booking_id, line_no, id, business_date, kind, description, amount,
        reference, posted_at)
    select f.property_id, l.booking_id, l.line_no, l.id, l.business_date, l.kind, l.description, l.amount,
        l.reference, l.posted_at
    from folio_lines l join folios f on f.booking_id = l.booking_id;

create table payments_v8 (
    property_id        varchar(64)    not null references properties (id),
    id                 varchar(64)    not null,
    booking_id         varchar(64)    not null,
    currency           varchar(3)     not null,
    amount             numeric(19, 4) not null,
    method             varchar(16)    not null,
    status             varchar(16)    not null,
    gateway_reference  varchar(200)   not null,
    card_hint          varchar(64),
    decline_reason     varchar(500),
    loyalty_points     bigint         not null,
    created_at         timestamp with time zone not null,
    version            bigint         not null,
    constraint payments_pkey_v8 primary key (property_id, id)
);
insert into payments_v8 (property_id, id, booking_id, currency, amount, method, status, gateway_reference,
        card_hint, decline_reason, loyalty_points, created_at, version)
    select property_id, id, booking_id, currency, amount, method, status, gateway_reference,
        card_hint, decline_reason, loyalty_points, created_at, version
    from payments;

create table payment_refunds_v8 (
    property_id        varchar(64)    not null,
    payment_id         varchar(64)    not null,
    refund_no          integer        not null,
    id                 varchar(64)    not null,
    amount             numeric(19, 4) not null,
    gateway_reference  varchar(200)   not null,
    created_at         timestamp with time zone not null,
    constraint payment_refunds_pkey_v8 primary key (property_id, payment_id, refund_no)
);
insert into payment_refunds_v8 (property_id, payment_id, refund_no, id, amount, gateway_reference, created_at)
    select p.property_id, r.payment_id, r.refund_no, r.id, r.amount, r.gateway_reference, r.created_at
    from payment_refunds r join payments p on p.id = r.payment_id;

create table invoices_v8 (
    property_id   varchar(64)    not null references properties (id),
    id            varchar(64)    not null,
    booking_id    varchar(64)    not null,
    number        varchar(32)    not null,
    kind          varchar(16)    not null,
    credits       varchar(64),
    issue_date    date           not null,
    issued_at     timestamp with time zone not null,
    guest_id      varchar(64)    not null,
    currency      varchar(3)     not null,
    total         numeric(19, 4) not null,
    vat           numeric(19, 4) not null,
    payment_hint  varchar(64),
    constraint invoices_pkey_v8 primary key (property_id, id),
    check ((kind = 'CREDIT_NOTE') = (credits is not null))
);
insert into invoices_v8 (property_id, id, booking_id, number, kind, credits, issue_date, issued_at, guest_id,
        currency, total, vat, payment_hint)
    select property_id, id, booking_id, number, kind, credits, issue_date, issued_at, guest_id,
        currency, total, vat, payment_hint
    from invoices;

create table invoice_lines_v8 (
    property_id    varchar(64)    not null,
    invoice_id     varchar(64)    not null,
    line_no        integer        not null,
    folio_line_id  varchar(64)    not null,
    line_date      date           not null,
    kind           varchar(16)    not null,
    description    varchar(200)   not null,
    amount         numeric(19, 4) not null,
    constraint invoice_lines_pkey_v8 primary key (property_id, invoice_id, line_no)
);
insert into invoice_lines_v8 (property_id, invoice_id, line_no, folio_line_id, line_date, kind, description, amount)
    select i.property_id, l.invoice_id, l.line_no, l.folio_line_id, l.line_date, l.kind, l.description, l.amount
    from invoice_lines l join invoices i on i.id = l.invoice_id;

-- The old tables go, children first (their indexes and, on PostgreSQL, their triggers with them).
drop table invoice_lines;
drop table invoices;
drop table payment_refunds;
drop table payments;
drop table folio_lines;
drop table folios;
drop table bookings;

alter table bookings_v8 rename to bookings;
alter table folios_v8 rename to folios;
alter table folio_lines_v8 rename to folio_lines;
alter table payments_v8 rename to payments;
alter table payment_refunds_v8 rename to payment_refunds;
alter table invoices_v8 rename to invoices;
alter table invoice_lines_v8 rename to invoice_lines;

alter table bookings rename constraint bookings_pkey_v8 to bookings_pkey;
alter table folios rename constraint folios_pkey_v8 to folios_pkey;
alter table folio_lines rename constraint folio_lines_pkey_v8 to folio_lines_pkey;
alter table payments rename constraint payments_pkey_v8 to payments_pkey;
alter table payment_refunds rename constraint payment_refunds_pkey_v8 to payment_refunds_pkey;
alter table invoices rename constraint invoices_pkey_v8 to invoices_pkey;
alter table invoice_lines rename constraint invoice_lines_pkey_v8 to invoice_lines_pkey;

-- The unique keys of V4, named as they were, once the old ones are gone with their tables.
-- Posting the same reference twice is refused: the night audit's postings are idempotent.
alter table folio_lines add constraint folio_lines_reference_unique unique (property_id, booking_id, reference);
-- No number twice in a property's series.
alter table invoices add constraint invoices_number_unique unique (property_id, number);

-- Children refer to their parent by (property_id, id): a foreign key between two tables sharded by
-- property is checked on one shard.
alter table folio_lines add foreign key (property_id, booking_id) references folios (property_id, booking_id);
alter table payment_refunds add foreign key (property_id, payment_id) references payments (property_id, id);
alter table invoice_lines add foreign key (property_id, invoice_id) references invoices (property_id, id);
alter table invoices add foreign key (property_id, credits) references invoices (property_id, id);

-- The indexes of V4, each now led by property_id where it was not: every read of them names the property.
create index bookings_by_status on bookings (property_id, status, id);
create index bookings_by_checkin on bookings (property_id, checkin, id);
create index bookings_by_creator on bookings (property_id, created_by, id);
create index bookings_by_stay on bookings (property_id, checkout, checkin);
-- A guest's bookings, of every property: the one read that crosses properties (a guest's export).
create index bookings_by_guest on bookings (guest_id, id);
create index payments_by_booking on payments (property_id, booking_id, created_at, id);
create index invoices_by_booking on invoices (property_id, booking_id, id);

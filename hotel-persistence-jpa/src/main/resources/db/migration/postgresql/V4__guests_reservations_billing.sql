-- Guests, reservations and billing. Aggregates refer to one another by id only (a folio to its booking,
-- a booking to its guest), without foreign keys, so that each could move to a service of its own; rows
-- refer to their property and to the inventory they name. Keep h2/V4 in step: the two differ in JSON
-- types and in what only PostgreSQL can add (the trigram index, and the triggers of V5).

create extension if not exists pg_trgm;

create table guests (
    id              varchar(64)  not null primary key,
    name            varchar(200) not null,
    -- Stored trimmed and lower-case; null once the guest is erased, which frees it for another guest.
    email           varchar(254),
    phone           varchar(32),
    nationality     varchar(2),
    preferences     jsonb        not null,
    loyalty_opt_in  boolean      not null,
    created_at      timestamp with time zone not null,
    erased_at       timestamp with time zone,
    version         bigint       not null,
    constraint guests_email_unique unique (email),
    check (email = lower(email)),
    check (erased_at is not null or email is not null)
);
-- Guests.search by a part of the name: a trigram index serves "lower(name) like '%silv%'".
create index guests_name_search on guests using gin (lower(name) gin_trgm_ops);

create table loyalty_accounts (
    guest_id  varchar(64) not null primary key,
    points    bigint      not null,
    version   bigint      not null,
    check (points >= 0)
);

create table loyalty_entries (
    guest_id   varchar(64)  not null references loyalty_accounts (guest_id),
    entry_no   integer      not null,
    earned_at  timestamp with time zone not null,
    points     bigint       not null,
    reason     varchar(200) not null,
    reference  varchar(200) not null,
    primary key (guest_id, entry_no),
    -- An account takes each reference (a stay, a payment) once.
    constraint loyalty_entries_reference_unique unique (guest_id, reference)
);

create table blocks (
    property_id   varchar(64)  not null references properties (id),
    code          varchar(32)  not null,
    name          varchar(200) not null,
    room_type     varchar(32)  not null,
    rate_plan     varchar(32)  not null,
    first_night   date         not null,
    end_date      date         not null,
    rooms         integer      not null,
    release_date  date         not null,
    status        varchar(16)  not null,
    version       bigint       not null,
    primary key (property_id, code),
    foreign key (property_id, room_type) references room_types (property_id, code),
    foreign key (property_id, rate_plan) references rate_plans (property_id, code),
    check (end_date > first_night),
    check (rooms between 1 and 10000)
);

create table bookings (
    id                      varchar(64)    not null primary key,
    property_id             varchar(64)    not null references properties (id),
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
    -- The frozen room price of each night, in order: a JSON array of decimal strings.
    nightly_prices          jsonb          not null,
    total                   numeric(19, 4) not null,
    free_until_days_before  integer        not null,
    penalty                 varchar(16)    not null,
    penalty_percent         numeric,
    status                  varchar(16)    not null,
    special_requests        varchar(2000),
    card_token              varchar(200),
    created_by              varchar(200)   not null,
    created_at              timestamp with time zone not null,
    updated_at              timestamp with time zone not null,
    cancellation_reason     varchar(2000),
    version                 bigint         not null,
    foreign key (property_id, room_type) references room_types (property_id, code),
    foreign key (property_id, room_number) references rooms (property_id, number),
    foreign key (property_id, rate_plan) references rate_plans (property_id, code),
    foreign key (property_id, block_code) references blocks (property_id, code),
    check (checkout > checkin)
);
-- Bookings.list: a property's bookings in id order, alone or by status, arrival date or creator.
create index bookings_by_property on bookings (property_id, id);
create index bookings_by_status on bookings (property_id, status, id);
create index bookings_by_checkin on bookings (property_id, checkin, id);
create index bookings_by_creator on bookings (property_id, created_by, id);
-- Bookings.overlapping (checkout after the first night, checkin before the end) and the checkout filter.
create index bookings_by_stay on bookings (property_id, checkout, checkin);
-- A guest's bookings, of every property.
create index bookings_by_guest on bookings (guest_id, id);

create table folios (
    booking_id   varchar(64) not null primary key,
    property_id  varchar(64) not null references properties (id),
    guest_id     varchar(64) not null,
    currency     varchar(3)  not null,
    version      bigint      not null
);

-- Lines are only ever added (FolioMapper refuses anything else).
create table folio_lines (
    booking_id     varchar(64)    not null references folios (booking_id),
    line_no        integer        not null,
    id             varchar(64)    not null,
    business_date  date           not null,
    kind           varchar(16)    not null,
    description    varchar(200)   not null,
    amount         numeric(19, 4) not null,
    reference      varchar(200),
    posted_at      timestamp with time zone not null,
    primary key (booking_id, line_no),
    -- Posting the same reference twice is refused: the night audit's postings are idempotent.
    constraint folio_lines_reference_unique unique (booking_id, reference)
);

create table payments (
    id                 varchar(64)    not null primary key,
    property_id        varchar(64)    not null references properties (id),
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
    version            bigint         not null
);
-- Payments.ofBooking, oldest first.
create index payments_by_booking on payments (booking_id, created_at, id);

create table payment_refunds (
    payment_id         varchar(64)    not null references payments (id),
    refund_no          integer        not null,
    id                 varchar(64)    not null,
    amount             numeric(19, 4) not null,
    gateway_reference  varchar(200)   not null,
    created_at         timestamp with time zone not null,
    primary key (payment_id, refund_no)
);

create table invoices (
    id            varchar(64)    not null primary key,
    property_id   varchar(64)    not null references properties (id),
    booking_id    varchar(64)    not null,
    number        varchar(32)    not null,
    kind          varchar(16)    not null,
    credits       varchar(64)    references invoices (id),
    issue_date    date           not null,
    issued_at     timestamp with time zone not null,
    guest_id      varchar(64)    not null,
    currency      varchar(3)     not null,
    total         numeric(19, 4) not null,
    vat           numeric(19, 4) not null,
    payment_hint  varchar(64),
    -- No number twice in a property's series.
    constraint invoices_number_unique unique (property_id, number),
    check ((kind = 'CREDIT_NOTE') = (credits is not null))
);
-- Invoices.list: a property's invoices in id order; Invoices.ofBooking.
create index invoices_by_property on invoices (property_id, id);
create index invoices_by_booking on invoices (booking_id, id);

create table invoice_lines (
    invoice_id     varchar(64)    not null references invoices (id),
    line_no        integer        not null,
    folio_line_id  varchar(64)    not null,
    line_date      date           not null,
    kind           varchar(16)    not null,
    description    varchar(200)   not null,
    amount         numeric(19, 4) not null,
    primary key (invoice_id, line_no)
);

-- One counter row per property and year, moved on inside the issuing transaction: no gaps, no duplicates.
create table invoice_numbers (
    property_id  varchar(64) not null,
    year_of_issue  integer   not null,
    last_number  bigint      not null,
    primary key (property_id, year_of_issue),
    check (last_number > 0)
);

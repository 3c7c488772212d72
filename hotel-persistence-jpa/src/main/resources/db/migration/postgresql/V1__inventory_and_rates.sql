-- Inventory and rates. Every key of a property's data starts with property_id: a property's rows are
-- found by a prefix of the key, and a distributed PostgreSQL can shard every table by it.
-- Keep h2/V1 in step with this file: the two differ only in types (numeric vs decfloat).

create table properties (
    id                         varchar(64)  not null primary key,
    code                       varchar(32)  not null,
    name                       varchar(200) not null,
    timezone                   varchar(64)  not null,
    currency                   varchar(3)   not null,
    check_in_time              time         not null,
    check_out_time             time         not null,
    max_stay_nights            integer      not null,
    vat_percent                numeric      not null,
    vat_included               boolean      not null,
    city_tax_per_person_night  numeric(19, 4) not null,
    rounding                   varchar(16)  not null,
    business_date              date         not null,
    version                    bigint       not null,
    constraint properties_code_unique unique (code)
);

create table room_types (
    property_id        varchar(64)  not null references properties (id),
    code               varchar(32)  not null,
    name               varchar(200) not null,
    max_adults         integer      not null,
    max_children       integer      not null,
    max_occupancy      integer      not null,
    base_occupancy     integer      not null,
    overbooking_limit  integer      not null,
    version            bigint       not null,
    primary key (property_id, code)
);

create table rooms (
    property_id   varchar(64) not null references properties (id),
    number        varchar(32) not null,
    room_type     varchar(32) not null,
    floor         varchar(16),
    housekeeping  varchar(16) not null,
    version       bigint      not null,
    primary key (property_id, number),
    foreign key (property_id, room_type) references room_types (property_id, code)
);
-- The rooms of a type, and the foreign key's check when a room type goes.
create index rooms_by_type on rooms (property_id, room_type);

create table room_out_of_order (
    property_id  varchar(64)  not null,
    room_number  varchar(32)  not null,
    start_date   date         not null,
    end_date     date         not null,
    reason       varchar(200) not null,
    primary key (property_id, room_number, start_date),
    foreign key (property_id, room_number) references rooms (property_id, number) on delete cascade,
    check (end_date > start_date)
);

create table rate_plans (
    property_id              varchar(64)  not null references properties (id),
    code                     varchar(32)  not null,
    name                     varchar(200) not null,
    meal_plan                varchar(16)  not null,
    free_until_days_before   integer      not null,
    penalty                  varchar(16)  not null,
    penalty_percent          numeric,
    parent_rate_plan         varchar(32),
    adjustment_percent       numeric,
    version                  bigint       not null,
    primary key (property_id, code),
    check ((parent_rate_plan is null) = (adjustment_percent is null))
);

-- One row per plan, room type and night: NightlyRates.find reads a prefix of the key and a night range.
create table nightly_rates (
    property_id          varchar(64)    not null,
    rate_plan            varchar(32)    not null,
    room_type            varchar(32)    not null,
    night                date           not null,
    currency             varchar(3)     not null,
    amount               numeric(19, 4) not null,
    extra_adult          numeric(19, 4) not null,
    extra_child          numeric(19, 4) not null,
    min_stay             smallint,
    max_stay             smallint,
    closed               boolean        not null,
    closed_to_arrival    boolean        not null,
    closed_to_departure  boolean        not null,
    primary key (property_id, rate_plan, room_type, night),
    foreign key (property_id, rate_plan) references rate_plans (property_id, code),
    -- Room types are never deleted, so this key needs no index of its own.
    foreign key (property_id, room_type) references room_types (property_id, code)
);

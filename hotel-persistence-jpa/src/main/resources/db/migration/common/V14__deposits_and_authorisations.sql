-- Written once for both databases (placeholders set per database in Vendor).
--
-- Deposits and card pre-authorisations (issue 15). A rate plan's deposit policy: its kind (NONE, FIRST_NIGHT,
-- PERCENT, FULL_STAY), the percent of a percent deposit, and the days before arrival it is due (null: at booking).
-- Plans made before ask no deposit.
alter table rate_plans add column deposit_kind varchar(16) default 'NONE' not null;
alter table rate_plans add column deposit_percent ${percent_type};
alter table rate_plans add column deposit_days_before integer;
alter table rate_plans add constraint rate_plans_deposit_kind check (deposit_kind in ('NONE', 'FIRST_NIGHT', 'PERCENT', 'FULL_STAY'));
alter table rate_plans add constraint rate_plans_deposit_percent check
    ((deposit_kind = 'PERCENT') = (deposit_percent is not null) and (deposit_percent is null or (deposit_percent > 0 and deposit_percent <= 100)));
alter table rate_plans add constraint rate_plans_deposit_days check
    (deposit_days_before is null or (deposit_days_before >= 0 and deposit_days_before <= 730));

-- A payment taken as a deposit before arrival: held until the booking is settled. Payments made before are not.
alter table payments add column deposit boolean default false not null;

-- A booking's deposit, frozen from its plan when it was made: how much, and by when; settled_on is the business
-- date the booking was checked out, cancelled or marked a no-show (null while the deposit is held). What is
-- paid towards it is its booking's deposit payments, never kept twice.
create table deposits (
    property_id        varchar(64)    not null references properties (id),
    booking_id         varchar(64)    not null,
    kind               varchar(16)    not null,
    percent            ${percent_type},
    days_before        integer,
    currency           varchar(3)     not null,
    due                numeric(19, 4) not null,
    due_on             date           not null,
    settled_on         date,
    version            bigint         not null,
    constraint deposits_pkey primary key (property_id, booking_id),
    constraint deposits_due_not_negative check (due >= 0),
    constraint deposits_kind check (kind in ('NONE', 'FIRST_NIGHT', 'PERCENT', 'FULL_STAY'))
);
-- The overdue list (held, due by a date) and the deposits held on an evening.
create index deposits_by_due_on on deposits (property_id, due_on);
create index deposits_by_settled_on on deposits (property_id, settled_on);

-- A card pre-authorisation guaranteeing a booking: authorised, then captured (all or part: the rest released,
-- payment_id the payment its capture made) or voided; or declined by the gateway.
create table authorisations (
    property_id        varchar(64)    not null references properties (id),
    id                 varchar(64)    not null,
    booking_id         varchar(64)    not null,
    currency           varchar(3)     not null,
    amount             numeric(19, 4) not null,
    status             varchar(16)    not null,
    captured           numeric(19, 4) not null,
    gateway_reference  varchar(200)   not null,
    payment_id         varchar(64),
    card_hint          varchar(64),
    decline_reason     varchar(500),
    created_at         timestamp with time zone not null,
    version            bigint         not null,
    constraint authorisations_pkey primary key (property_id, id),
    constraint authorisations_status check (status in ('AUTHORISED', 'CAPTURED', 'VOIDED', 'DECLINED')),
    constraint authorisations_captured check (captured >= 0 and captured <= amount and amount > 0),
    constraint authorisations_capture_whole check ((status = 'CAPTURED') = (payment_id is not null))
);
-- Authorisations.ofBooking, oldest first.
create index authorisations_by_booking on authorisations (property_id, booking_id, created_at, id);

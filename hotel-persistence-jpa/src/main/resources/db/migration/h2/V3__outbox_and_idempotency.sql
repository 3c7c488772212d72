-- The outbox. A transaction's events get their positions just before it commits, from the counter row
-- below, which it holds locked until it ends: positions become visible in order, with no gaps (JpaOutbox).
create table outbox_events (
    position     bigint       not null primary key,
    event_id     varchar(64)  not null,
    type         varchar(64)  not null,
    entity       varchar(32)  not null,
    property_id  varchar(64),
    entity_id    varchar(128) not null,
    actor        varchar(200) not null,
    occurred_at  timestamp with time zone not null,
    data         json         not null,
    constraint outbox_events_event_id_unique unique (event_id)
);
-- Outbox.history: one entity's events, newest first.
create index outbox_events_history on outbox_events (property_id, entity, entity_id, position);

create table outbox_position (
    id             integer not null primary key,
    last_position  bigint  not null,
    check (id = 1)
);
insert into outbox_position (id, last_position) values (1, 0);

-- Claimed idempotency keys. A claim inserts its row in the request's transaction, so that a second
-- claim of the same key waits on the primary key until the first transaction ends.
create table idempotency_keys (
    scope        varchar(200) not null,
    idem_key     varchar(255) not null,
    fingerprint  varchar(64)  not null,
    outcome      varchar,
    claimed_at   timestamp with time zone not null,
    primary key (scope, idem_key)
);

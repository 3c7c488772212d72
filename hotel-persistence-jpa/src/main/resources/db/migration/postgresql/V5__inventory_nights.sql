-- What the database itself enforces of invariant 1 (no room sold twice a night, no room type sold past
-- its rooms plus its overbooking limit), whatever the isolation level and however many server instances
-- write. The repositories apply each change of bookings, blocks and rooms as the same night-by-night
-- delta the availability engine applies in memory (InventoryDelta), to these rows (InventoryRows):
--   room_nights   a row per night a room is held, by a booking or by an out-of-order period: its primary
--                 key refuses the second holder;
--   type_nights   per room type and night, what is taken (sold without a block, held by blocks, out of
--                 order); a positive change is a guarded update "taken + d <= capacity";
--   block_nights  per block and night, the rooms picked up; guarded by the block's rooms while it is open.
-- Keep h2/V5 in step; below the line are PostgreSQL's backstops, which H2 has not.

-- A type's rooms plus its overbooking limit, kept by the repositories as rooms are added, so that the
-- guard of a sale reads one row.
alter table room_types add column capacity integer not null default 0;
update room_types t set capacity = t.overbooking_limit
    + (select count(*) from rooms r where r.property_id = t.property_id and r.room_type = t.code);

create table type_nights (
    property_id  varchar(64) not null,
    room_type    varchar(32) not null,
    night        date        not null,
    taken        integer     not null,
    primary key (property_id, room_type, night),
    foreign key (property_id, room_type) references room_types (property_id, code),
    check (taken >= 0)
);

create table block_nights (
    property_id  varchar(64) not null,
    block_code   varchar(32) not null,
    night        date        not null,
    picked       integer     not null,
    primary key (property_id, block_code, night),
    foreign key (property_id, block_code) references blocks (property_id, code),
    check (picked >= 0)
);

create table room_nights (
    property_id  varchar(64) not null,
    room_number  varchar(32) not null,
    night        date        not null,
    -- The booking that holds the room, or null for an out-of-order period.
    booking_id   varchar(64),
    -- No foreign key to rooms: a new room's out-of-order nights are taken before its row is written, so
    -- that a refused save leaves nothing behind.
    primary key (property_id, room_number, night)
);

-- Rooms already out of order hold their nights, and take them from their type.
insert into room_nights (property_id, room_number, night, booking_id)
    select o.property_id, o.room_number, cast(d as date), null
    from room_out_of_order o, generate_series(o.start_date, o.end_date - 1, interval '1 day') d;
insert into type_nights (property_id, room_type, night, taken)
    select n.property_id, r.room_type, n.night, count(*)
    from room_nights n join rooms r on r.property_id = n.property_id and r.number = n.room_number
    group by n.property_id, r.room_type, n.night;

-- ---- PostgreSQL's backstops ------------------------------------------------------------------------------

create extension if not exists btree_gist;

-- The bookings themselves refuse a room held twice a night, independently of room_nights: a write that
-- bypassed the repositories' bookkeeping (a hand-made fix, a future adapter, a bug) cannot double-sell a
-- room either. Stays are half-open, [checkin, checkout), as daterange's default bounds are.
alter table bookings add constraint bookings_room_never_sold_twice exclude using gist (
    property_id with =, room_number with =, daterange(checkin, checkout) with &&)
    where (room_number is not null and status in ('CONFIRMED', 'CHECKED_IN', 'CHECKED_OUT'));

-- No write, however it is made, raises a type's night past its capacity. (A night may already be past it
-- when capacity went down; giving back stays possible.)
create function type_nights_within_capacity() returns trigger language plpgsql as $$
declare
    taken_before integer := 0;
begin
    if tg_op = 'UPDATE' then
        taken_before := old.taken;
    end if;
    if new.taken > taken_before and new.taken > (select capacity from room_types
                             where property_id = new.property_id and code = new.room_type) then
        raise exception 'room type % of property % would be sold past its capacity on %',
            new.room_type, new.property_id, new.night using errcode = 'check_violation';
    end if;
    return new;
end
$$;
create trigger type_nights_within_capacity before insert or update on type_nights
    for each row execute function type_nights_within_capacity();

-- Invariant 4: an issued invoice never changes, and is never deleted; nor is a folio line.
create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% rows are only ever added, never changed or deleted', tg_table_name
        using errcode = 'integrity_constraint_violation';
end
$$;
create trigger invoices_never_change before update or delete on invoices
    for each row execute function refuse_change();
create trigger invoice_lines_never_change before update or delete on invoice_lines
    for each row execute function refuse_change();
create trigger folio_lines_never_change before update or delete on folio_lines
    for each row execute function refuse_change();

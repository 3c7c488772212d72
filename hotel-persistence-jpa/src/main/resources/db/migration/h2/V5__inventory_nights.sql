-- What the database itself enforces of invariant 1 (no room sold twice a night, no room type sold past
-- its rooms plus its overbooking limit), whatever the isolation level and however many server instances
-- write. The repositories apply each change of bookings, blocks and rooms as the same night-by-night
-- delta the availability engine applies in memory (InventoryDelta), to these rows (InventoryRows):
--   room_nights   a row per night a room is held, by a booking or by an out-of-order period: its primary
--                 key refuses the second holder;
--   type_nights   per room type and night, what is taken (sold without a block, held by blocks, out of
--                 order); a positive change is a guarded update "taken + d <= capacity";
--   block_nights  per block and night, the rooms picked up; guarded by the block's rooms while it is open.
-- Follows postgresql/V5, less its backstops (an exclusion constraint and triggers), which H2 has not.

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
    select o.property_id, o.room_number, dateadd('day', d.x, o.start_date), null
    from room_out_of_order o join system_range(0, 36600) d on d.x < datediff('day', o.start_date, o.end_date);
insert into type_nights (property_id, room_type, night, taken)
    select n.property_id, r.room_type, n.night, count(*)
    from room_nights n join rooms r on r.property_id = n.property_id and r.number = n.room_number
    group by n.property_id, r.room_type, n.night;

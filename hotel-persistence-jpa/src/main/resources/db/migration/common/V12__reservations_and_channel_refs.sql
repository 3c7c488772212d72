-- Written once for both databases (placeholders set per database in Vendor).
--
-- Reservations and channel bookings (issue 14). A reservation is no table of its own: its rooms are bookings
-- that carry its id and their place in it (reservation_room, from 0), and share its confirmation code. A
-- channel's booking carries the channel's code (source) and its confirmation (external_ref); per property, a
-- reference and a room are unique, so that two instances racing with the same channel booking cannot both
-- insert it: the second insert fails, and the server answers with the booking the first one made. The key
-- starts with property_id, as every key of a property's data does (docs/SCALING.md). Bookings made before,
-- and bookings made alone, have no reservation (room 0); null sources never collide.
alter table bookings add column reservation_id varchar(64);
alter table bookings add column reservation_room integer default 0 not null;
alter table bookings add column source varchar(32);
alter table bookings add column external_ref varchar(64);
alter table bookings add column guest_name varchar(200);
alter table bookings add constraint bookings_reservation_room_not_negative check (reservation_room >= 0);
alter table bookings add constraint bookings_channel_ref_whole check ((source is null) = (external_ref is null));
create unique index bookings_channel_ref on bookings (property_id, source, external_ref, reservation_room);
create index bookings_of_reservation on bookings (property_id, reservation_id);

-- How far, in percent of the offer's room price, a channel's own price may be; null: channels book at the offer's.
alter table rate_plans add column channel_price_tolerance ${percent_type};

-- PostgreSQL's backstops of V5 on the tables common/V8 made again (they went with the old tables), now
-- with property_id in them as in every other key. H2 has no V9: it had none of these.

-- The bookings themselves refuse a room held twice a night, however the write is made. Stays are
-- half-open, [checkin, checkout), as daterange's default bounds are.
alter table bookings add constraint bookings_room_never_sold_twice exclude using gist (
    property_id with =, room_number with =, daterange(checkin, checkout) with &&)
    where (room_number is not null and status in ('CONFIRMED', 'CHECKED_IN', 'CHECKED_OUT'));

-- Invariant 4: an issued invoice never changes, and is never deleted; nor is a folio line. (V5's function.)
create trigger invoices_never_change before update or delete on invoices
    for each row execute function refuse_change();
create trigger invoice_lines_never_change before update or delete on invoice_lines
    for each row execute function refuse_change();
create trigger folio_lines_never_change before update or delete on folio_lines
    for each row execute function refuse_change();

-- A room type's overbooking allowance set per night (issue 17: a forecast's recommendation, applied).
-- Null: the night takes its type's overbooking_limit. The guard of a sale (InventoryRows) then reads
--   taken + d <= capacity - overbooking_limit + coalesce(overbooking, overbooking_limit)
-- from the row it updates, so a night set apart costs no statement more. Keep h2/V7 in step.
alter table type_nights add column overbooking integer;
alter table type_nights add constraint type_nights_overbooking_not_negative check (overbooking is null or overbooking >= 0);

-- V5's backstop, with the night's own allowance: no write, however it is made, raises a type's night past
-- its capacity that night. (A night may already be past it when capacity or the allowance went down;
-- giving back, and setting the allowance, stay possible.)
create or replace function type_nights_within_capacity() returns trigger language plpgsql as $$
declare
    taken_before integer := 0;
begin
    if tg_op = 'UPDATE' then
        taken_before := old.taken;
    end if;
    if new.taken > taken_before and new.taken > (select capacity - overbooking_limit + coalesce(new.overbooking, overbooking_limit)
                             from room_types where property_id = new.property_id and code = new.room_type) then
        raise exception 'room type % of property % would be sold past its capacity on %',
            new.room_type, new.property_id, new.night using errcode = 'check_violation';
    end if;
    return new;
end
$$;

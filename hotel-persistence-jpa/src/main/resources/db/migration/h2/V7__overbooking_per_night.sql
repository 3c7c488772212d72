-- A room type's overbooking allowance set per night (issue 17: a forecast's recommendation, applied).
-- Null: the night takes its type's overbooking_limit. The guard of a sale (InventoryRows) then reads
--   taken + d <= capacity - overbooking_limit + coalesce(overbooking, overbooking_limit)
-- from the row it updates, so a night set apart costs no statement more. Follows postgresql/V7, less its
-- trigger.
alter table type_nights add column overbooking integer;
alter table type_nights add constraint type_nights_overbooking_not_negative check (overbooking is null or overbooking >= 0);

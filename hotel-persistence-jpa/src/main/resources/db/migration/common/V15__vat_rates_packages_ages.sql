-- Written once for both databases (placeholders set per database in Vendor).
--
-- Packages, extras and taxes (issue 15). A property may have a VAT rate per category (accommodation, food and
-- beverage, other) with the category of each charge, and a city tax rule (per person-night with an age
-- exemption and a cap of nights, per night, per stay, or a percentage of the room price): both as JSON, null
-- for a property made before them, which keeps its one rate (vat_percent) and flat city tax
-- (city_tax_per_person_night). Room types get their children's age bands, rate plans their packages (JSON
-- arrays, empty for those made before). A booking keeps its children's ages ("4,11"; null when not given).
-- A folio line (of any window) and an invoice line carry the charge category and the VAT rate they were posted with; lines
-- posted before have neither.
alter table properties add column vat_rates ${json_type};
alter table properties add column city_tax_rule ${json_type};
alter table room_types add column age_bands ${json_type};
alter table rate_plans add column packages ${json_type};
alter table bookings add column children_ages varchar(100);
alter table folio_lines add column category varchar(32);
alter table folio_lines add column vat_percent ${percent_type};
alter table folio_window_lines add column category varchar(32);
alter table folio_window_lines add column vat_percent ${percent_type};
alter table invoice_lines add column category varchar(32);
alter table invoice_lines add column vat_percent ${percent_type};
alter table invoices add column vat_breakdown ${json_type};
